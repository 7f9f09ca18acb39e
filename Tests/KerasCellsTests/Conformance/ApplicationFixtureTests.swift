import Foundation
import KerasCells
import Testing

/// Runs every `keras.applications` case of `Tests/Fixtures/keras/applications/cases` and compares
/// what it prints, byte for byte, with what tf-keras 2.21 printed
/// (`Tools/keras-reference/make_application_fixtures.py`): summaries, and errors as
/// `Error: TYPE: MESSAGE`.
@Suite struct ApplicationFixtureTests {
  static let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/keras/applications")

  static let caseNames: [String] = {
    let cases = folder.appendingPathComponent("cases")
    let files = (try? FileManager.default.contentsOfDirectory(atPath: cases.path)) ?? []
    return files.filter { $0.hasSuffix(".py") }.map { String($0.dropLast(3)) }.sorted()
  }()

  /// Cases tf-keras runs that ConvBook refuses as its own limitation, with the start of the
  /// refusal: each must still be refused that way (and leaves this list once it is supported).
  static let refused: [String: String] = [:]

  @Test func casesArePresent() {
    #expect(Self.caseNames.count >= 40)
    for name in Self.refused.keys { #expect(Self.caseNames.contains(name), "\(name)") }
  }

  @Test(arguments: caseNames)
  func matchesKeras(_ name: String) throws {
    let source = try String(
      contentsOf: Self.folder.appendingPathComponent("cases/\(name).py"), encoding: .utf8)
    let expected = try String(
      contentsOf: Self.folder.appendingPathComponent("expected/\(name).txt"), encoding: .utf8)
    let session = KerasSession(kerasVersion: .keras2)
    let result = session.run(source)
    if let refusal = Self.refused[name] {
      let error = try #require(result.error, "\(name): expected ConvBook's refusal")
      #expect(error.type == nil, "\(name)")
      #expect(error.message.hasPrefix(refusal), "\(name): \(error.message)")
      return
    }
    var printed = result.printed(footer: .modern)
    if let error = result.error {
      printed += "Error: \(error.type ?? "ConvBook"): \(error.message)\n"
    }
    if printed != expected {
      let got = printed.split(separator: "\n", omittingEmptySubsequences: false)
      let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
      let line = Array(zip(got, want)).firstIndex { $0.0 != $0.1 } ?? min(got.count, want.count)
      Issue.record(
        """
        \(name): differs from tf-keras at line \(line + 1)
        got:  \(line < got.count ? String(got[line]) : "<end>")
        want: \(line < want.count ? String(want[line]) : "<end>")
        """)
    }
  }
}
