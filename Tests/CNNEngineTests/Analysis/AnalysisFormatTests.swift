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

  @Test func fixedNeverTrapsBeyond64Bits() {
    #expect(AnalysisFormat.fixed(1e16, decimals: 1) == "10000000000000000")
    #expect(AnalysisFormat.ratio(Double(Int.max)) == "9.223372036854776e+18×")
    #expect(AnalysisFormat.fixed(.infinity, decimals: 1) == "inf")
    #expect(AnalysisFormat.fixed(-1e300, decimals: 0) == "-1e+300")
  }

  @Test func statisticsKeepAFixedShape() {
    #expect(AnalysisFormat.statistic(0) == "0")
    #expect(AnalysisFormat.statistic(-0.0) == "0")
    #expect(AnalysisFormat.statistic(0.1) == "0.100")
    #expect(AnalysisFormat.statistic(-0.53249) == "-0.532")
    #expect(AnalysisFormat.statistic(12.8404) == "12.840")
    #expect(AnalysisFormat.statistic(1234.56) == "1,234.6")
    #expect(AnalysisFormat.statistic(0.000042) == "4.2e-5")
    #expect(AnalysisFormat.statistic(-0.000099999) == "-1.0e-4")
    #expect(AnalysisFormat.statistic(31_000_000) == "3.1e7")
    #expect(AnalysisFormat.statistic(.nan) == "nan")
  }
}
