import CNNEngine
import Foundation

/// A model of the lesson written back as a standalone Keras script that binds it to `model`: the
/// file a student starts a design exercise from, and the same script real Keras runs.
///
/// It is written from the model itself rather than copied from the lesson's cells, so it needs no
/// earlier cell (constants become their values) and always describes exactly the model the
/// exercise names. Each layer lists its required arguments positionally and every other argument
/// that differs from Keras' default by keyword, in the order of the constructor's signature.
public enum StarterCode {
  /// The script, or nil when the model has a layer ConvBook cannot write back.
  public static func script(for model: KerasModel) -> String? {
    var lines = [
      "from tensorflow import keras", "from tensorflow.keras import layers", "",
      "model = keras.Sequential([",
    ]
    let declaresInput = model.layers.first?.layer.common.declaredBatchInputShape != nil
    if let input = model.inputLayer, !declaresInput {
      let shape = input.batchInputShape.dimensions
      var arguments = ["shape=" + tuple(shape.dropFirst().map(dimension))]
      if let batch = shape.first ?? nil { arguments.append("batch_size=\(batch)") }
      lines.append("    keras.Input(" + arguments.joined(separator: ", ") + "),")
    }
    for instance in model.layers {
      guard let call = layerCall(instance.layer) else { return nil }
      lines.append("    " + call + ",")
    }
    lines.append("])")
    return lines.joined(separator: "\n") + "\n"
  }

  /// `layers.Conv2D(32, (3, 3), activation="relu")`.
  static func layerCall(_ layer: any Layer) -> String? {
    guard let entry = LayerCatalog.entries[layer.className] else { return nil }
    let arguments = layer.common.arguments
    var written: [String] = []
    var positional = true
    for parameter in entry.signature.parameters {
      let value = arguments.values[parameter.name] ?? .none
      if parameter.defaultValue == nil, positional {
        guard let text = python(value) else { return nil }
        written.append(text)
        continue
      }
      positional = false
      guard value != parameter.defaultValue else { continue }
      // Regularizers and initializers change no shape or count; their Python spelling is not kept.
      guard let text = python(value) else { continue }
      written.append("\(parameter.name)=\(text)")
    }
    for name in LayerSignature.baseKeywords.sorted() {
      guard let value = arguments.baseKeywords[name], let text = python(value) else { continue }
      written.append("\(name)=\(text)")
    }
    return "layers.\(layer.className)(" + written.joined(separator: ", ") + ")"
  }

  /// A constructor argument as Python source, strings in double quotes as lessons write them.
  static func python(_ value: ArgumentValue) -> String? {
    switch value {
    case .none, .bool, .int, .float: return value.description
    case .string(let text):
      return "\""
        + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
          of: "\"", with: "\\\"") + "\""
    case .tuple(let items):
      let texts = items.compactMap(python)
      guard texts.count == items.count else { return nil }
      return texts.count == 1 ? "(\(texts[0]),)" : "(" + texts.joined(separator: ", ") + ")"
    case .list(let items):
      let texts = items.compactMap(python)
      guard texts.count == items.count else { return nil }
      return "[" + texts.joined(separator: ", ") + "]"
    case .object: return nil
    }
  }

  private static func dimension(_ size: Int?) -> String { size.map(String.init) ?? "None" }

  private static func tuple(_ items: [String]) -> String {
    items.count == 1 ? "(\(items[0]),)" : "(" + items.joined(separator: ", ") + ")"
  }
}
