import Foundation
import Testing

/// Standard output that cannot take what convbook writes (`> /dev/full`, a full disk): one line on
/// standard error and status 1, as `python FILE.py` ends with `OSError: [Errno 28] No space left on
/// device`. Foundation's `FileHandle.write` trapped there, a crash with a backtrace (hostile
/// batch8).
@Suite struct FullOutputCommandLineTests {
  static let executable = CheckCommandLineTests.executable

  @Test(
    .enabled(
      if: executable != nil && FileManager.default.fileExists(atPath: "/dev/full"),
      "the convbook executable is not built, or there is no /dev/full"))
  func aFullStandardOutputIsOneLineAndStatusOne() throws {
    let dir = try FileSafetyTests.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let script = dir.appendingPathComponent("m.py").path
    try (FileCommandLineTests.script + "\nprint(\"hello\")\n").write(
      toFile: script, atomically: false, encoding: .utf8)
    for arguments in [["run", script], ["summary", script], ["graph", script]] {
      let process = Process()
      process.executableURL = Self.executable
      process.arguments = arguments
      process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
      let errors = Pipe()
      process.standardError = errors
      try process.run()
      let errorData = errors.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      #expect(process.terminationReason == .exit, "\(arguments)")
      #expect(process.terminationStatus == 1, "\(arguments)")
      #expect(
        String(decoding: errorData, as: UTF8.self)
          == "convbook: cannot write to standard output: No space left on device\n",
        "\(arguments)")
    }
  }
}
