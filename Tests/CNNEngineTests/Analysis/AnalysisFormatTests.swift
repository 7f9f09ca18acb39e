import CNNEngine
import Testing

@Suite struct AnalysisFormatTests {
  @Test func fixedFormatsWithoutTheLocale() {
    #expect(AnalysisFormat.grouped(179_776) == "179,776")
    #expect(AnalysisFormat.bytes(719_104) == "702.25 KB")
    #expect(AnalysisFormat.bytes(40) == "40 B")
    #expect(AnalysisFormat.percent(0.99383) == "99.4%")
    #expect(AnalysisFormat.percent(0.0000001) == "<0.1%")
    #expect(AnalysisFormat.ratio(173.7798) == "173.8×")
    #expect(AnalysisFormat.fixed(1234.5, decimals: 1) == "1,234.5")
    #expect(AnalysisFormat.compact(10_000_000) == "10M")
  }
}
