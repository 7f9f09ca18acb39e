import Foundation
import TestSupport
import Testing

/// Whole-string golden files stored in `Golden/` beside this file (``GoldenFile``).
enum ReportGolden {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden")

  static func check(
    _ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    try GoldenFile.check(
      actual, file: folder.appendingPathComponent(name), name: name, sourceLocation: sourceLocation)
  }
}
