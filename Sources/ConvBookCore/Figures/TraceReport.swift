import CNNEngine

/// `convbook trace`: the shape trace as a terminal table and as JSON.
public enum TraceReport {
  public static func text(_ trace: ShapeTrace) -> String {
    var table = TextTable(
      ["Layer", "Class", "Output shape", "Values", "Activation", "Params", "MACs", "Note"],
      alignments: [.left, .left, .left, .right, .right, .right, .right, .left])
    let total = trace.totalParameters
    for step in trace.steps {
      table.add([
        step.name, step.className, step.outputShape.description,
        step.values.map(AnalysisFormat.grouped) ?? "?",
        step.activationBytes.map(AnalysisFormat.bytes) ?? "?",
        AnalysisFormat.grouped(step.parameters),
        AnalysisFormat.grouped(step.multiplyAccumulates), note(step, total: total),
      ])
    }
    var text =
      "Shape trace of \(trace.modelName) (per sample; activations as float32)\n\n" + table.render()
    text += "\nTotal: \(AnalysisFormat.grouped(total)) parameters, "
    text += "\(AnalysisFormat.grouped(trace.totalMultiplyAccumulates)) multiply-accumulates, "
    text +=
      "\(AnalysisFormat.bytes(trace.totalActivationBytes)) of activations (largest tensor \(AnalysisFormat.bytes(trace.peakActivationBytes)))\n"
    return text
  }

  static func note(_ step: ShapeTrace.Step, total: Int) -> String {
    var notes: [String] = []
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
    .object([
      ("model", .string(trace.modelName)),
      (
        "steps",
        .array(
          trace.steps.map { step in
            .object([
              ("name", .string(step.name)), ("class_name", .string(step.className)),
              ("output_shape", .shape(step.outputShape.dimensions)),
              ("values", step.values.map(JSONValue.int) ?? .null),
              ("activation_bytes", step.activationBytes.map(JSONValue.int) ?? .null),
              ("params", .int(step.parameters)), ("macs", .int(step.multiplyAccumulates)),
              ("marks", .array(step.marks.map { .string($0.rawValue) })),
            ])
          })
      ),
      ("total_params", .int(trace.totalParameters)),
      ("total_macs", .int(trace.totalMultiplyAccumulates)),
      ("total_activation_bytes", .int(trace.totalActivationBytes)),
      ("peak_activation_bytes", .int(trace.peakActivationBytes)),
    ])
  }
}
