import Foundation
import Testing

/// The `convbook` executable on unreadable inputs and refused outputs: exit statuses 0/1/2 and
/// what is left on disk.
@Suite struct FileCommandLineTests {
  static let executable = CheckCommandLineTests.executable
  static func run(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
    try CheckCommandLineTests.run(arguments)
  }

  static let script = """
    from tensorflow import keras
    from tensorflow.keras import layers
    model = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(2)])
    """

  @Test(.enabled(if: executable != nil, "the convbook executable is not built"))
  func unreadableInputsAndRefusedOutputs() throws {
    let dir = try FileSafetyTests.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }
    try Self.script.write(toFile: path("m.py"), atomically: false, encoding: .utf8)
    try Data([0x78, 0x20, 0x3D, 0x20, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: path("bad.py")))
    #expect(mkfifo(path("fifo.npy"), 0o644) == 0)

    let bad = try Self.run(["summary", path("bad.py")])
    #expect(bad.status == 1)
    // A script that is not UTF-8 and declares no encoding fails as `python bad.py` does.
    #expect(
      bad.errors.contains(
        "SyntaxError: Non-UTF-8 code starting with '\\xff' in file \(path("bad.py")) on line 1, but no encoding declared"
      ))
    #expect(try Self.run(["summary", path("missing.py")]).status == 2)

    let same = try Self.run(["predict", path("m.py"), "--out", path("m.py")])
    #expect(same.status == 2)
    #expect(same.errors.contains("it is the input"))
    #expect(try String(contentsOfFile: path("m.py"), encoding: .utf8) == Self.script)
    for out in [path("fifo.npy"), dir.path, "/dev/full"] {
      let refused = try Self.run(["predict", path("m.py"), "--out", out])
      #expect(refused.status == 2, "\(out)")
      #expect(refused.errors.contains("not a regular file"), "\(out)")
    }
    #expect(try Self.run(["predict", path("m.py"), "--out", path("y.npy")]).status == 0)
    #expect(
      try Self.run(["predict", path("m.py"), "--input", path("fifo.npy"), "--out", path("z.npy")])
        .status == 1)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == [
        "bad.py", "fifo.npy", "m.py", "y.npy",
      ])
  }

  /// A write that fails half-way (here: the file size limit, as a full disk would) leaves the old
  /// output as it was and no temporary file.
  @Test(.enabled(if: executable != nil, "the convbook executable is not built"))
  func failedWriteLeavesTheOldOutputAndNoTemporaryFile() throws {
    let dir = try FileSafetyTests.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }
    try Self.script.write(toFile: path("m.py"), atomically: false, encoding: .utf8)
    try Data("old".utf8).write(to: URL(fileURLWithPath: path("y.npy")))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    // Ignoring SIGXFSZ makes the oversized write fail with EFBIG instead of killing the process.
    process.arguments = [
      "-c", "trap '' XFSZ; ulimit -f 4; exec \"$0\" predict m.py --batch 4000 --out y.npy",
      Self.executable!.path,
    ]
    process.currentDirectoryURL = dir
    process.standardOutput = FileHandle.nullDevice
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    let message = String(
      decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 1)
    #expect(message.contains("cannot write 'y.npy'"))
    #expect(try String(contentsOfFile: path("y.npy"), encoding: .utf8) == "old")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["m.py", "y.npy"])
  }

  @Test(.enabled(if: executable != nil, "the convbook executable is not built"))
  func buildListsUnreadableLessonsAndFollowsASymlinkedOut() throws {
    let dir = try FileSafetyTests.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let lessons = dir.appendingPathComponent("lessons")
    try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: false)
    try FileSafetyTests.lesson.write(
      to: lessons.appendingPathComponent("01-good.md"), atomically: false, encoding: .utf8)
    try Data([0x23, 0x20, 0xFE]).write(to: lessons.appendingPathComponent("02-bad.md"))
    let release = dir.appendingPathComponent("release")
    let link = dir.appendingPathComponent("site")
    try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "release")
    let build = try Self.run(["build", lessons.path, "--out", link.path])
    #expect(build.status == 1)
    #expect(build.errors.contains("1 lesson has errors:"))
    #expect(build.errors.contains("02-bad.md: 1 error"))
    #expect(
      FileManager.default.fileExists(atPath: release.appendingPathComponent("01-good.html").path))
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "release")
    let verify = try Self.run(["verify", lessons.path])
    #expect(verify.status == 1)
    #expect(verify.errors.contains("1 of 2 lessons failed verification"))
    // An --out that is not a site is refused before anything runs: a usage error.
    let refused = try Self.run(["build", lessons.path, "--out", lessons.path])
    #expect(refused.status == 2)
  }
}
