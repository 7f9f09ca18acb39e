import Foundation
import Testing

/// Whole-string golden files stored in `Golden/` beside this file. `CONVBOOK_RECORD=1 swift test`
/// rewrites them from the current output.
enum FigureGolden {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden")

  static func check(
    _ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let url = folder.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["CONVBOOK_RECORD"] == "1" {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try actual.write(to: url, atomically: true, encoding: .utf8)
      return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
      Issue.record(
        "missing golden file \(name); record it with CONVBOOK_RECORD=1",
        sourceLocation: sourceLocation)
      return
    }
    #expect(
      actual == expected, "\(name) differs from its golden file", sourceLocation: sourceLocation)
  }
}
