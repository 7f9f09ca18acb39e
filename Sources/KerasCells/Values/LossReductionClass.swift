/// `keras.losses.Reduction`: the class of the reduction names a `Loss` takes (tf-keras'
/// `ReductionV2`, Keras 3's legacy `Reduction`), whose constants are the strings `auto`, `none`,
/// `sum` and `sum_over_batch_size` (`reduction=tf.keras.losses.Reduction.AUTO`).
final class LossReductionClass: StandardObject {
  static let constants: [(String, String)] = [
    ("AUTO", "auto"), ("NONE", "none"), ("SUM", "sum"),
    ("SUM_OVER_BATCH_SIZE", "sum_over_batch_size"),
  ]

  override var typeName: String { "type" }

  override func repr(_ item: (Value) -> String) -> String {
    KerasObjectText.sessionVersion == .keras3
      ? "<class 'keras.src.legacy.losses.Reduction'>"
      : "<class 'tf_keras.src.utils.losses_utils.ReductionV2'>"
  }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    if let constant = Self.constants.first(where: { $0.0 == name }) { return .string(constant.1) }
    if name == "all" { return .method(receiver: .standard(self), name: name) }
    if name == "__name__" {
      return .string(interpreter.kerasVersion == .keras3 ? "Reduction" : "ReductionV2")
    }
    return nil
  }

  override func method(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value? {
    let all = Self.constants.map { $0.1 }.sorted()
    switch name {
    case "all":
      guard positional.isEmpty, keywords.isEmpty else {
        throw CellError(
          type: "TypeError",
          message:
            "\(interpreter.kerasVersion == .keras3 ? "Reduction" : "ReductionV2").all() takes 1 positional argument but \(positional.count + keywords.count + 1) were given",
          range: site.range)
      }
      return .tuple(all.map(Value.string))
    default: return nil
    }
  }
}
