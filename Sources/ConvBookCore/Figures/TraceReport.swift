import CNNEngine

/// `convbook trace`: the shape trace as a terminal table and as JSON. A measured trace adds each
/// layer's minimum, mean, maximum and share of exact zeros, and its time in milliseconds: the one
/// column that changes from run to run, which is why pages never show it.
public enum TraceReport {
  public static func text(_ trace: ShapeTrace) -> String {
    let measured = trace.isMeasured
    var header = ["Layer", "Class", "Output shape", "Values", "Activation", "Params", "MACs"]
    var alignments: [TextTable.Alignment] = [.left, .left, .left, .right, .right, .right, .right]
    if measured {
      header += ["Min", "Mean", "Max", "Zeros", "ms"]
      alignments += [.right, .right, .right, .right, .right]
    }
    var table = TextTable(header + ["Note"], alignments: alignments + [.left])
    let total = trace.totalParameters
    for step in trace.steps {
      var row = [
        step.name, step.className, step.outputShapeText,
        step.values.map(AnalysisFormat.grouped) ?? "?",
        step.activationBytes.map(AnalysisFormat.bytes) ?? "?",
        AnalysisFormat.grouped(step.parameters),
        AnalysisFormat.grouped(step.multiplyAccumulates),
      ]
      if measured {
        if let statistics = step.statistics {
          row += [
            AnalysisFormat.statistic(statistics.minimum), AnalysisFormat.statistic(statistics.mean),
            AnalysisFormat.statistic(statistics.maximum),
            AnalysisFormat.percent(Double(statistics.zeroFraction)),
          ]
        } else {
          row += ["?", "?", "?", "?"]
        }
        row.append(step.seconds.map(milliseconds) ?? "")
      }
      table.add(row + [note(step, total: total)])
    }
    var text =
      "Shape trace of \(TerminalText.escaped(trace.modelName)) (per sample; activations as float32)\n"
    if let measurement = trace.measurement {
      if let failure = measurement.failure {
        text += "No activation statistics: \(failure)\n"
      } else {
        text +=
          "Min, Mean, Max, Zeros (share of exact zeros): \(measurement.provenance); ms: time of each layer\n"
      }
    }
    text += "\n" + table.render()
    text += "\nTotal: \(AnalysisFormat.grouped(total)) parameters, "
    text += "\(AnalysisFormat.grouped(trace.totalMultiplyAccumulates)) multiply-accumulates, "
    text +=
      "\(AnalysisFormat.bytes(trace.totalActivationBytes)) of activations (largest tensor \(AnalysisFormat.bytes(trace.peakActivationBytes)))\n"
    if measured, let layers = trace.measuredSeconds {
      text += "Forward pass: \(milliseconds(layers)) ms in the layers"
      if let whole = trace.measurement?.seconds {
        text += ", \(milliseconds(whole)) ms in all (packing weights and statistics included)"
      }
      if let batch = trace.measurement?.batch, batch > 1 { text += " (batch \(batch))" }
      text += "\n"
    }
    return text
  }

  /// Three decimals: a small layer takes microseconds, and a column of `0.0` would say nothing.
  static func milliseconds(_ seconds: Double) -> String {
    AnalysisFormat.fixed(seconds * 1000, decimals: 3)
  }

  static func note(_ step: ShapeTrace.Step, total: Int) -> String {
    var notes: [String] = []
    if step.isModel, step.innerValues != nil {
      notes.append("activation: every tensor inside the model")
    }
    if step.calls > 1 {
      notes.append("\(step.calls) calls: MACs and activation of every call")
    }
    if step.marks.contains(.flattensLayout) { notes.append("<- layout flattened") }
    if step.marks.contains(.parameterJump), let growth = step.parameterGrowth, total > 0 {
      notes.append(
        "<- parameters jump \(AnalysisFormat.ratio(growth)) (\(AnalysisFormat.percent(Double(step.parameters) / Double(total))) of all)"
      )
    }
    if step.marks.contains(.valueJump), let growth = step.valueGrowth {
      notes.append("<- values grow \(AnalysisFormat.ratio(growth))")
    }
    return notes.joined(separator: "; ")
  }

  public static func json(_ trace: ShapeTrace) -> JSONValue {
    var fields: [(String, JSONValue)] = [
      ("model", .string(trace.modelName)),
      (
        "steps",
        .array(
          trace.steps.map { step in
            var fields: [(String, JSONValue)] = [
              ("name", .string(step.name)), ("class_name", .string(step.className)),
              ("output_shape", .shape(step.outputShape.dimensions)),
              ("values", step.values.map(JSONValue.int) ?? .null),
              ("activation_bytes", step.activationBytes.map(JSONValue.int) ?? .null),
              ("params", .int(step.parameters)), ("macs", .int(step.multiplyAccumulates)),
              ("marks", .array(step.marks.map { .string($0.rawValue) })),
            ]
            if let shapes = step.outputShapes {
              fields.append(("output_shapes", .array(shapes.map { .shape($0.dimensions) })))
            }
            if trace.measurement != nil {
              fields.append(("statistics", step.statistics.map(statistics) ?? .null))
              fields.append(("seconds", step.seconds.map(JSONValue.double) ?? .null))
            }
            return .object(fields)
          })
      ),
      ("total_params", .int(trace.totalParameters)),
      ("total_macs", .int(trace.totalMultiplyAccumulates)),
      ("total_activation_bytes", .int(trace.totalActivationBytes)),
      ("peak_activation_bytes", .int(trace.peakActivationBytes)),
    ]
    if let measurement = trace.measurement { fields.append(("measurement", json(measurement))) }
    return .object(fields)
  }

  static func json(_ measurement: TraceMeasurement) -> JSONValue {
    var fields: [(String, JSONValue)] = []
    switch measurement.weights {
    case .initialized(let seed):
      fields.append(("weights", .string("initialized")))
      fields.append(("weights_seed", .int(Int(truncatingIfNeeded: seed))))
    case .loaded(let file):
      fields.append(("weights", .string(file)))
    }
    fields += [
      ("input_seed", measurement.inputSeed.map { .int(Int(truncatingIfNeeded: $0)) } ?? .null),
      ("batch", .int(measurement.batch)),
      ("seconds", measurement.seconds.map(JSONValue.double) ?? .null),
      ("error", measurement.failure.map(JSONValue.string) ?? .null),
    ]
    return .object(fields)
  }

  /// Floats as their shortest decimal (`0.0417`, not the `0.041700001806020737` a widening to
  /// double would print), so that the JSON says what the table says, only exactly.
  static func statistics(_ statistics: ActivationStatistics) -> JSONValue {
    func number(_ value: Float) -> JSONValue {
      value.isFinite ? .double(Double(value.description) ?? Double(value)) : .null
    }
    return .object([
      ("min", number(statistics.minimum)), ("mean", number(statistics.mean)),
      ("max", number(statistics.maximum)), ("zero_fraction", number(statistics.zeroFraction)),
    ])
  }
}
