import Foundation
import Testing

/// Numbers on the command line that do not fit their option: negative (`--threads -1`, which the
/// argument parser alone would take for an option and answer with "Missing value" and the
/// option's help), zero, not a number, or too large. Each is one `Error:` line naming the option
/// and what it takes, then the usage, exit status 2, and nothing runs.
@Suite struct OptionValueCommandLineTests {
  static let executable = CheckCommandLineTests.executable

  @Test(.enabled(if: executable != nil, "the convbook executable is not built"))
  func oddNumbersAreOneLineErrors() throws {
    let dir = try FileSafetyTests.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let script = dir.appendingPathComponent("m.py").path
    try FileCommandLineTests.script.write(toFile: script, atomically: false, encoding: .utf8)
    let out = dir.appendingPathComponent("y.npy").path
    let data = ["--x", out, "--y", out, "--out", out]
    let cases: [([String], String)] = [
      (
        ["predict", script, "--out", out, "--threads", "-1"],
        "--threads must be a whole number of at least 1"
      ),
      (
        ["predict", script, "--out", out, "--threads", "0"],
        "--threads must be a whole number of at least 1"
      ),
      (
        ["predict", script, "--out", out, "--threads", "two"],
        "--threads must be a whole number of at least 1"
      ),
      (
        ["predict", script, "--out", out, "--batch", "0"],
        "--batch must be a whole number of at least 1"
      ),
      (
        ["predict", script, "--out", out, "--batch", "-3"],
        "--batch must be a whole number of at least 1"
      ),
      (
        ["predict", script, "--out", out, "--seed", "-1"],
        "--seed must be a whole number from 0 to 18446744073709551615"
      ),
      (
        ["predict", script, "--out", out, "--memory-budget", "-5"],
        "--memory-budget must be a positive number of bytes"
      ),
      (["fit", script, "--epochs", "-1"] + data, "--epochs must be a whole number of at least 0"),
      (
        ["fit", script, "--batch-size", "0"] + data,
        "--batch-size must be a whole number of at least 1"
      ),
      (
        ["fit", script, "--validation-split", "-0.5"] + data,
        "--validation-split must be a number in the range [0, 1)"
      ),
      (
        ["fit", script, "--threads", "-2"] + data, "--threads must be a whole number of at least 1"
      ),
      (["bench", script, "--runs", "-1"], "--runs must be a whole number from 1 to"),
      (
        ["bench", script, "--warmups", "99999999999999999999"],
        "--warmups must be a whole number from 0 to"
      ),
      (
        ["verify", dir.path, "--lesson-timeout", "-1"],
        "--lesson-timeout must be a positive number of seconds"
      ),
      (
        ["build", dir.path, "--lesson-timeout", "nan"],
        "--lesson-timeout must be a positive number of seconds"
      ),
    ]
    for (arguments, message) in cases {
      let result = try CheckCommandLineTests.run(arguments)
      #expect(result.status == 2, "\(arguments)")
      let lines = result.errors.split(separator: "\n", omittingEmptySubsequences: false)
      #expect(lines.first.map { $0.hasPrefix("Error: " + message) } == true, "\(result.errors)")
      #expect(lines.count > 1 && lines[1].hasPrefix("Usage: "), "\(result.errors)")
      #expect(!result.errors.contains("Help:"), "\(result.errors)")
      #expect(result.output.isEmpty, "\(arguments)")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["m.py"])
  }
}
