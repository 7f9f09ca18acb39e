import CNNEngine

/// `convbook scaling`: parameters and multiply-accumulates per square input size, as a terminal
/// table and as JSON.
public enum ScalingReport {
  public static func text(_ scaling: ParameterScaling) -> String {
    var header = ["Input"]
    for series in scaling.series {
      header += ["\(series.modelName) params", "\(series.modelName) MACs"]
    }
    var table = TextTable(
      header, alignments: [.left] + Array(repeating: .right, count: header.count - 1))
    for (offset, size) in scaling.sizes.enumerated() {
      var row = ["\(size) x \(size)"]
      for series in scaling.series {
        let point = series.points[offset]
        row.append(point.parameters.map(AnalysisFormat.grouped) ?? "invalid")
        row.append(point.multiplyAccumulates.map(AnalysisFormat.grouped) ?? "invalid")
      }
      table.add(row)
    }
    var text = "Parameters and multiply-accumulates by square input size\n\n" + table.render()
    for series in scaling.series {
      for point in series.points {
        if let reason = point.invalidReason {
          text +=
            "\(TerminalText.escaped(series.modelName)) at \(point.size) x \(point.size): \(reason)\n"
        }
      }
    }
    return text
  }

  public static func json(_ scaling: ParameterScaling) -> JSONValue {
    .object([
      ("sizes", .array(scaling.sizes.map(JSONValue.int))),
      (
        "models",
        .array(
          scaling.series.map { series in
            .object([
              ("name", .string(series.modelName)),
              ("defined_input", .shape(series.definedInput.dimensions)),
              (
                "points",
                .array(
                  series.points.map { point in
                    .object([
                      ("size", .int(point.size)),
                      ("params", point.parameters.map(JSONValue.int) ?? .null),
                      ("macs", point.multiplyAccumulates.map(JSONValue.int) ?? .null),
                      ("invalid_reason", point.invalidReason.map(JSONValue.string) ?? .null),
                    ])
                  })
              ),
            ])
          })
      ),
    ])
  }
}
