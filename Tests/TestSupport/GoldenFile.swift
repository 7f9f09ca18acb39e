import Foundation
import Testing

/// Golden files, the one way tests compare output with a recorded file: on a mismatch the test
/// fails with a line diff; with `CONVBOOK_RECORD=1 swift test` the file is rewritten from the
/// current output and the test still fails (saying so), so a recording run can never pass as a
/// checking one.
public enum GoldenFile {
  public static var isRecording: Bool {
    ProcessInfo.processInfo.environment["CONVBOOK_RECORD"] == "1"
  }

  /// Compares `actual` with the file at `url` (named `name` in messages), or records it.
  public static func check(
    _ actual: String, file url: URL, name: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    if isRecording {
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try actual.write(to: url, atomically: true, encoding: .utf8)
      Issue.record(
        "recorded golden file \(name); run the tests again without CONVBOOK_RECORD to check it",
        sourceLocation: sourceLocation)
      return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
      Issue.record(
        "missing golden file \(name); record it with CONVBOOK_RECORD=1",
        sourceLocation: sourceLocation)
      return
    }
    if actual != expected {
      let message =
        "\(name) differs from its golden file (re-record with CONVBOOK_RECORD=1):\n"
        + diff(expected: expected, actual: actual)
      Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }
  }

  /// The differing lines of two texts: the common start and end are skipped, and what lies
  /// between is shown as `-` (golden) and `+` (actual) lines, with up to 2 lines of context and
  /// at most `limit` lines of each side.
  public static func diff(expected: String, actual: String, limit: Int = 20) -> String {
    let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var start = 0
    while start < old.count, start < new.count, old[start] == new[start] { start += 1 }
    var oldEnd = old.count
    var newEnd = new.count
    while oldEnd > start, newEnd > start, old[oldEnd - 1] == new[newEnd - 1] {
      oldEnd -= 1
      newEnd -= 1
    }
    var lines = ["@@ line \(start + 1) @@"]
    for line in old[max(0, start - 2)..<start] { lines.append("  \(line)") }
    for line in old[start..<oldEnd].prefix(limit) { lines.append("- \(line)") }
    if oldEnd - start > limit { lines.append("- ... \(oldEnd - start - limit) more lines") }
    for line in new[start..<newEnd].prefix(limit) { lines.append("+ \(line)") }
    if newEnd - start > limit { lines.append("+ ... \(newEnd - start - limit) more lines") }
    for line in old[oldEnd..<min(old.count, oldEnd + 2)] { lines.append("  \(line)") }
    return lines.joined(separator: "\n")
  }
}
