import CNNEngine
import Testing

@Suite struct ModelComparisonTests {
  @Test func seedModelsSideBySide() throws {
    let names = NameScope(kerasVersion: .keras2)
    let comparison = try ModelComparison(models: [
      AnalysisModels.seed(flatten: true, names: names),
      AnalysisModels.seed(flatten: false, names: names),
    ])
    #expect(comparison.baselineIndex == 1)
    let flat = comparison.entries[0]
    #expect(flat.parameters == 11_574_090)
    #expect(flat.nonTrainableParameters == 192)
    #expect(flat.largestLayer?.name == "dense")
    #expect(AnalysisFormat.percent(flat.largestLayer?.share ?? 0) == "99.4%")
    #expect(flat.headStart == "flatten")
    #expect(flat.bodyParameters == comparison.entries[1].bodyParameters)
    #expect(flat.bodyParameters + flat.headParameters == flat.parameters)
    #expect(comparison.entries[1].headStart == "global_average_pooling2d")
    #expect(comparison.entries[1].headParameters == 650)
    let ratio = try #require(comparison.ratio(.parameters, of: 0))
    #expect(AnalysisFormat.ratio(ratio) == "173.8×")
    #expect(comparison.ratio(.parameters, of: 1) == 1)
  }
}
