import Foundation
import Testing

/// `convbook run FILE ARGUMENTS...` gives the script what `python FILE.py ARGUMENTS...` gives it:
/// `sys.argv[1:]`, and `parse_args()` parses them (the defaults without arguments). ConvBook's own
/// options are taken wherever they stand.
@Suite struct ScriptArgumentsCommandLineTests {
  static let executable = CheckCommandLineTests.executable
  static let script = """
    import argparse
    import sys
    print(sys.argv[1:], len(sys.argv), sys.argv[0].endswith("train.py"))
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("data", nargs="?", default="images")
    args = parser.parse_args()
    print(args.epochs, args.data)

    """

  func run(_ arguments: [String]) throws -> String {
    let dir = try FileSafetyTests.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let script = dir.appendingPathComponent("train.py").path
    try Self.script.write(toFile: script, atomically: false, encoding: .utf8)
    let process = Process()
    process.executableURL = Self.executable
    process.arguments = ["run", script] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = Pipe()
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(arguments)")
    return String(decoding: data, as: UTF8.self)
  }

  @Test(.enabled(if: executable != nil, "the convbook executable is not built"))
  func theScriptGetsTheArgumentsAfterItsFile() throws {
    #expect(try run([]) == "[] 1 True\n1 images\n")
    #expect(
      try run(["--epochs", "3", "flowers"]) == "['--epochs', '3', 'flowers'] 4 True\n3 flowers\n")
    #expect(try run(["--epochs=5"]) == "['--epochs=5'] 2 True\n5 images\n")
    #expect(try run(["--keras", "3", "7"]) == "['7'] 2 True\n1 7\n")
  }
}
