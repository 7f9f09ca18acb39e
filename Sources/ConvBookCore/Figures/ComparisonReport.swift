import CNNEngine

/// `convbook compare`: models side by side as a terminal table and as JSON.
public enum ComparisonReport {
  public static func text(_ comparison: ModelComparison) -> String {
    let entries = comparison.entries
    let base = comparison.baselineIndex
    var table = TextTable(
      ["Quantity"] + entries.map(\.modelName), alignments: [.left] + entries.map { _ in .right })
    table.add(["Parameters"] + entries.map { AnalysisFormat.grouped($0.parameters) })
    table.add(["  trainable"] + entries.map { AnalysisFormat.grouped($0.trainableParameters) })
    table.add(
      ["  non-trainable"] + entries.map { AnalysisFormat.grouped($0.nonTrainableParameters) })
    table.add(["  body"] + entries.map { AnalysisFormat.grouped($0.bodyParameters) })
    table.add(["  head"] + entries.map { AnalysisFormat.grouped($0.headParameters) })
    table.add(["Head starts at"] + entries.map { $0.headStart ?? "-" })
    table.add(
      ["Largest layer"]
        + entries.map { entry in
          entry.largestLayer.map { "\($0.name) \(AnalysisFormat.percent($0.share))" } ?? "-"
        })
    table.add(
      ["Multiply-accumulates"] + entries.map { AnalysisFormat.grouped($0.multiplyAccumulates) })
    table.add(["Activation memory"] + entries.map { AnalysisFormat.bytes($0.activationBytes) })
    table.add(["Largest tensor"] + entries.map { AnalysisFormat.bytes($0.peakActivationBytes) })
    for metric in ModelComparison.Metric.allCases {
      table.add(
        ["\(metric.rawValue) vs \(entries[base].modelName)"]
          + entries.indices.map {
            comparison.ratio(metric, of: $0).map(AnalysisFormat.ratio) ?? "-"
          })
    }
    var text =
      "Comparison of " + entries.map(\.modelName).joined(separator: ", ")
      + " (per sample; activations as float32)\n\n"
    text += table.render()
    for entry in entries {
      text += "\nParameters per layer of \(entry.modelName):\n"
      var layers = TextTable(
        ["Layer", "Class", "Params", "Share"], alignments: [.left, .left, .right, .right])
      for layer in entry.layers {
        layers.add([
          layer.name, layer.className, AnalysisFormat.grouped(layer.parameters),
          AnalysisFormat.percent(layer.share),
        ])
      }
      text += layers.render()
    }
    return text
  }

  public static func json(_ comparison: ModelComparison) -> JSONValue {
    let base = comparison.baselineIndex
    return .object([
      ("baseline", .string(comparison.entries[base].modelName)),
      (
        "models",
        .array(
          comparison.entries.enumerated().map { index, entry in
            .object([
              ("name", .string(entry.modelName)), ("params", .int(entry.parameters)),
              ("trainable_params", .int(entry.trainableParameters)),
              ("non_trainable_params", .int(entry.nonTrainableParameters)),
              ("body_params", .int(entry.bodyParameters)),
              ("head_params", .int(entry.headParameters)),
              ("head_start", entry.headStart.map(JSONValue.string) ?? .null),
              ("macs", .int(entry.multiplyAccumulates)),
              ("activation_bytes", .int(entry.activationBytes)),
              ("peak_activation_bytes", .int(entry.peakActivationBytes)),
              (
                "largest_layer",
                entry.largestLayer.map {
                  .object([
                    ("name", .string($0.name)), ("params", .int($0.parameters)),
                    ("share", .double($0.share)),
                  ])
                }
                  ?? .null
              ),
              (
                "ratios",
                .object(
                  ModelComparison.Metric.allCases.map { metric in
                    (
                      metric.rawValue,
                      comparison.ratio(metric, of: index).map(JSONValue.double) ?? .null
                    )
                  })
              ),
              (
                "layers",
                .array(
                  entry.layers.map {
                    .object([
                      ("name", .string($0.name)), ("class_name", .string($0.className)),
                      ("params", .int($0.parameters)),
                    ])
                  })
              ),
            ])
          })
      ),
    ])
  }
}
