import CNNEngine
import Foundation
import KerasCells
import Testing

/// `KerasSummaryText` against the seed article's two summaries as tf-keras prints them
/// (`expected/summary-footers/*.default.txt`) and with the pre-2.13 footer the article shows
/// (`*.classic.txt`), byte for byte.
@Suite struct SummaryFooterGoldenTests {
  static let fixtures = KerasCorpusTests.fixtures

  /// The summary the corpus script `name` prints.
  func summary(ofCorpus name: String) throws -> ModelSummary {
    let source = try String(
      contentsOf: Self.fixtures.appendingPathComponent("corpus/\(name).py"), encoding: .utf8)
    let result = KerasSession(kerasVersion: .keras2).run(source)
    try #require(result.error == nil, "\(name): \(String(describing: result.error))")
    for case .summary(let summary) in result.outputs { return summary }
    throw GoldenFileMissing(name: name)
  }

  struct GoldenFileMissing: Error { var name: String }

  @Test(arguments: [("01-seed-flatten", "seed-flatten"), ("02-seed-gap", "seed-gap")])
  func footersMatchGoldenFiles(corpus: String, golden: String) throws {
    let summary = try summary(ofCorpus: corpus)
    for (style, suffix) in [(SummaryFooterStyle.modern, "default"), (.classic, "classic")] {
      let expected = try String(
        contentsOf: Self.fixtures.appendingPathComponent(
          "expected/summary-footers/\(golden).\(suffix).txt"),
        encoding: .utf8)
      #expect(KerasSummaryText.render(summary, footer: style) == expected, "\(golden).\(suffix)")
    }
  }

  @Test func readableSizesFollowKeras() {
    #expect(KerasSummaryText.readableSize(bytes: 0) == "0.00 Byte")
    #expect(KerasSummaryText.readableSize(bytes: 768) == "768.00 Byte")
    #expect(KerasSummaryText.readableSize(bytes: 266_408) == "260.16 KB")
    #expect(KerasSummaryText.readableSize(bytes: 46_296_360) == "44.15 MB")
  }
}
