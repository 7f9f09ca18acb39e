import CNNEngine
import KerasCells

/// `convbook summary` output: Keras' summary text per model, or the same facts as JSON.
public enum SummaryReport {
  /// tf-keras 2's text with the given footer.
  public static func text(_ models: [DefinedModel], footer: SummaryFooterStyle) -> (
    text: String, errors: [String]
  ) {
    text(models, format: .keras2(footer: footer))
  }

  /// Each model's summary in `format`'s Keras (Keras 3 lists an unbuilt model instead of refusing).
  public static func text(_ models: [DefinedModel], format: SummaryFormat) -> (
    text: String, errors: [String]
  ) {
    var text = ""
    var errors: [String] = []
    for (index, defined) in models.enumerated() {
      if index > 0 { text += "\n" }
      // A model of the script's other package (`tf_keras` under Keras 3) prints in its style.
      let format = defined.kerasVersion.map { format.with(kerasVersion: $0) } ?? format
      if format.kerasVersion == .keras3 && !defined.model.isBuilt {
        text += format.render(terminalSafe(defined.model.unbuiltSummary()))
        continue
      }
      do {
        text += format.render(terminalSafe(try defined.model.summary()))
      } catch {
        errors.append(
          TerminalText.escaped("\(defined.variable) (\(defined.model.name)): \(error)"))
      }
    }
    return (text, errors)
  }

  /// The summary with its names escaped for a terminal: a name with a newline or an escape
  /// sequence in it must not forge lines or drive the terminal.
  static func terminalSafe(_ summary: ModelSummary) -> ModelSummary {
    var safe = summary
    safe.name = TerminalText.escaped(summary.name)
    safe.inputLayerName = TerminalText.escaped(summary.inputLayerName)
    for index in safe.rows.indices {
      safe.rows[index].name = TerminalText.escaped(safe.rows[index].name)
      safe.rows[index].className = TerminalText.escaped(safe.rows[index].className)
    }
    return safe
  }

  public static func json(
    _ models: [DefinedModel], diagnostics: [Diagnostic], kerasVersion: KerasVersion
  ) -> JSONValue {
    var entries: [JSONValue] = []
    for defined in models {
      let model = defined.model
      var fields: [(String, JSONValue)] = [
        ("variable", .string(defined.variable)), ("name", .string(model.name)),
        ("built", .bool(model.isBuilt)),
      ]
      guard let summary = try? model.summary() else {
        fields += [
          ("input_shape", .null), ("output_shape", .null),
          (
            "layers",
            .array(
              model.layers.map {
                .object([("name", .string($0.name)), ("class_name", .string($0.className))])
              })
          ),
          ("total_params", .null), ("trainable_params", .null), ("non_trainable_params", .null),
        ]
        entries.append(.object(fields))
        continue
      }
      fields.append(("input_shape", .shape(summary.inputShape.dimensions)))
      fields.append(("output_shape", .shape(summary.outputShape.dimensions)))
      fields.append(("input_layer", .string(summary.inputLayerName)))
      fields.append(
        (
          "layers",
          .array(
            summary.rows.map { row in
              .object([
                ("name", .string(row.name)), ("class_name", .string(row.className)),
                ("input_shape", .shape(row.inputShape.dimensions)),
                ("output_shape", .shape(row.outputShape.dimensions)),
                ("params", .int(row.parameters)),
                ("trainable_params", .int(row.trainableParameters)),
                ("non_trainable_params", .int(row.nonTrainableParameters)),
                ("macs", .int(row.multiplyAccumulates)),
                ("output_values", row.outputValues.map(JSONValue.int) ?? .null),
                ("activation_bytes", row.activationBytes.map(JSONValue.int) ?? .null),
              ])
            })
        ))
      fields += [
        ("total_params", .int(summary.totalParameters)),
        ("trainable_params", .int(summary.trainableParameters)),
        ("non_trainable_params", .int(summary.nonTrainableParameters)),
        ("total_macs", .int(summary.totalMultiplyAccumulates)),
      ]
      entries.append(.object(fields))
    }
    return .object([
      ("keras_version", .int(kerasVersion.rawValue)),
      ("models", .array(entries)),
      ("errors", .array(diagnostics.map(\.json))),
    ])
  }
}

extension Diagnostic {
  /// `{"file": ..., "line": ..., "column": ..., "message": ...}` (message with its exception type).
  public var json: JSONValue {
    var fields: [(String, JSONValue)] = [
      ("file", .string(file)), ("line", .int(line)), ("column", .int(column)),
      ("message", .string(headline)),
    ]
    if let errorType { fields.append(("type", .string(errorType))) }
    if let hint { fields.append(("hint", .string(hint))) }
    return .object(fields)
  }
}
