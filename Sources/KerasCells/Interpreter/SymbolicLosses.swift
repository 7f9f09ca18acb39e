import CNNEngine

/// `keras.losses` functions called on Keras tensors (`mse(inputs, outputs)` in a VAE's loss):
/// tf-keras runs the function's body on the symbolic tensors, so every TensorFlow function it
/// calls becomes a `TFOpLambda` layer: `tf.convert_to_tensor` of the prediction, `tf.cast` of the
/// target, the element-wise loss (`tf.math.squared_difference`, `tf.math.abs` of a
/// `tf.math.subtract`, `tf.keras.backend.binary_crossentropy`) and `tf.math.reduce_mean` over the
/// last axis, in the order `tf_keras/src/losses.py` calls them.
enum SymbolicLosses {
  enum Function {
    case meanSquaredError, meanAbsoluteError, binaryCrossentropy
  }

  /// The loss functions of `keras.losses` (and their aliases) ConvBook records on Keras tensors.
  static let functions: [String: Function] = [
    "mse": .meanSquaredError, "MSE": .meanSquaredError, "mean_squared_error": .meanSquaredError,
    "mae": .meanAbsoluteError, "MAE": .meanAbsoluteError,
    "mean_absolute_error": .meanAbsoluteError, "binary_crossentropy": .binaryCrossentropy,
  ]

  /// Whether a call of the `keras.losses` name `name` gets a Keras tensor: the call records
  /// operations (`call`) instead of making a loss object. `keras.metrics` exports the same loss
  /// functions (`keras.metrics.binary_crossentropy is keras.losses.binary_crossentropy` in
  /// tf-keras; Chollet's first-edition VAE calls it so).
  static func isSymbolicCall(
    _ path: String, _ positional: [Value], _ keywords: [(String, Value)]
  ) -> Bool {
    guard path.contains("losses.") || path.contains("metrics.") else { return false }
    return (positional + keywords.map(\.1)).contains { value in
      if case .kerasTensor = value { return true }
      return false
    }
  }

  static func call(
    _ name: String, path: String, positional: [Value], keywords: [(String, Value)],
    site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    let range = site.range
    // The name as the cell wrote it (the callable's path is the module's inside the package).
    let path = site.calleeText.isEmpty ? path : site.calleeText
    guard let function = functions[name] else {
      throw .unsupported("ConvBook does not support `\(path)` on Keras tensors yet", at: range)
    }
    if interpreter.kerasVersion == .keras3 {
      throw .unsupported(
        "ConvBook does not support `\(path)` on Keras tensors under Keras 3 yet", at: range)
    }
    var parameters = ["y_true", "y_pred"]
    var bound: [String: Value] = [:]
    if function == .binaryCrossentropy {
      parameters += ["from_logits", "label_smoothing", "axis"]
      bound = ["from_logits": .bool(false), "label_smoothing": .float(0), "axis": .int(-1)]
    }
    guard positional.count <= parameters.count else {
      throw CellError(
        type: "TypeError",
        message:
          "\(name)() takes from 2 to \(parameters.count) positional arguments but \(positional.count) were given",
        range: range)
    }
    for (index, value) in positional.enumerated() { bound[parameters[index]] = value }
    for (label, value) in keywords {
      guard parameters.contains(label) else {
        throw CellError(
          type: "TypeError", message: "\(name)() got an unexpected keyword argument '\(label)'",
          range: range)
      }
      bound[label] = value
    }
    for required in ["y_true", "y_pred"] where bound[required] == nil {
      let missing = ["y_true", "y_pred"].filter { bound[$0] == nil }
      throw CellError(
        type: "TypeError",
        message:
          "\(name)() missing \(missing.count) required positional argument\(missing.count == 1 ? "" : "s"): \(missing.map { "'\($0)'" }.joined(separator: " and "))",
        range: range)
    }
    guard case .kerasTensor(let target)? = bound["y_true"],
      case .kerasTensor(let prediction)? = bound["y_pred"]
    else {
      throw .unsupported(
        "ConvBook does not support `\(path)` on a Keras tensor and a value of another type yet (give it two Keras tensors)",
        at: range)
    }
    func apply(_ function: TensorFunction, _ tfName: String, _ inputs: [KerasTensor])
      throws(CellError) -> KerasTensor
    {
      try TensorFunctions.apply(function, tfName, inputs, interpreter: interpreter, range: range)
    }
    let predicted = try apply(.unary(.identity), "tf.convert_to_tensor", [prediction])
    let truth = try apply(.unary(.identity), "tf.cast", [target])
    let elementwise: KerasTensor
    switch function {
    case .meanSquaredError:
      elementwise = try apply(
        .binary(.squaredDifference, constant: nil, constantFirst: false),
        "tf.math.squared_difference", [predicted, truth])
    case .meanAbsoluteError:
      let difference = try apply(
        .binary(.subtract, constant: nil, constantFirst: false), "tf.math.subtract",
        [predicted, truth])
      elementwise = try apply(.unary(.abs), "tf.math.abs", [difference])
    case .binaryCrossentropy:
      guard case .bool(let logits)? = bound["from_logits"] else {
        throw .unsupported(
          "ConvBook does not support `\(path)` with `from_logits=\(PythonText.repr(bound["from_logits"]!))` on Keras tensors yet",
          at: range)
      }
      switch bound["label_smoothing"] {
      case .int(0)?, .float(0)?: break
      default:
        throw .unsupported(
          "ConvBook does not support `\(path)` with a `label_smoothing` on Keras tensors yet",
          at: range)
      }
      guard case .int(-1)? = bound["axis"] else {
        throw .unsupported(
          "ConvBook does not support `\(path)` with an `axis` other than -1 on Keras tensors yet",
          at: range)
      }
      elementwise = try apply(
        .binary(
          logits ? .binaryCrossentropyFromLogits : .binaryCrossentropy, constant: nil,
          constantFirst: false), "tf.keras.backend.binary_crossentropy", [truth, predicted])
    }
    return .kerasTensor(
      try apply(.reduce(.mean, axes: [-1], keepDims: false), "tf.math.reduce_mean", [elementwise]))
  }
}
