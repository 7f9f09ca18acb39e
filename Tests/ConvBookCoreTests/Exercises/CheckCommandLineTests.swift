import Foundation
import Testing

/// The `convbook` executable itself, when the build has made it: exit statuses and where output
/// goes. The logic is tested through ConvBookCore; this checks the thin shell passes it on.
@Suite struct CheckCommandLineTests {
  typealias F = ExerciseFixtures

  /// `convbook` next to the test bundle, in the build folder.
  static let executable: URL? = {
    var folder = Bundle.main.bundleURL
    for _ in 0..<4 {
      let candidate = folder.appendingPathComponent("convbook")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      folder.deleteLastPathComponent()
    }
    return nil
  }()

  static func run(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
    let process = Process()
    guard let executable = Self.executable else { throw CocoaError(.fileNoSuchFile) }
    process.executableURL = executable
    process.arguments = arguments
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (
      process.terminationStatus, String(decoding: outputData, as: UTF8.self),
      String(decoding: errorData, as: UTF8.self)
    )
  }

  @Test(.enabled(if: executable != nil, "the convbook executable is not built"))
  func exitStatuses() throws {
    let lesson = F.lessonPath
    #expect(try Self.run(["check", lesson, "wide-params", "231,562"]).status == 0)
    #expect(try Self.run(["check", lesson, "wide-params", "231,000"]).status == 1)
    #expect(try Self.run(["check", lesson, "pool-shape", "None,", "15,", "15,", "16"]).status == 0)
    #expect(
      try Self.run(["check", lesson, "slim-design", "--file", F.student("correct")]).status == 0)
    #expect(
      try Self.run(["check", lesson, "slim-design", "--file", F.student("syntax-error")]).status
        == 1)
    let unknown = try Self.run(["check", lesson, "nope", "1"])
    #expect(unknown.status == 2)
    #expect(unknown.errors.contains("its exercises are: wide-params"))
    #expect(try Self.run(["check", lesson, "wide-params"]).status == 2)
    let json = try Self.run(["check", "--json", lesson, "wide-params", "-5"])
    #expect(json.status == 1)
    #expect(json.output.contains("\"answer\": \"-5\""))
  }

  @Test(.enabled(if: executable != nil, "the convbook executable is not built"))
  func verifyStatuses() throws {
    let passing = try Self.run(["verify", F.lessonPath])
    #expect(passing.status == 0)
    #expect(
      passing.output.hasSuffix("ok (1 cell, 2 inline values, 5 exercises: 4 value, 1 design)\n"))
    let folder = try F.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    try F.lesson(replacing: "answer: wide.count_params()", with: "answer: wide.count()")
      .write(to: folder.appendingPathComponent("broken.md"), atomically: true, encoding: .utf8)
    let failing = try Self.run(["verify", folder.path])
    #expect(failing.status == 1)
    #expect(failing.errors.contains("broken.md:32:"))
    #expect(failing.errors.contains("exercise 'wide-params'"))
    #expect(try Self.run(["verify", folder.appendingPathComponent("missing").path]).status == 2)
  }
}
