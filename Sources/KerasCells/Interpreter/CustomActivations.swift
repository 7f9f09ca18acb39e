import CNNEngine
import CNNKernels

/// A script's own function given as a layer's activation (`Dense(64, activation=relu6)`,
/// `Activation(mish)`, `LSTM(8, recurrent_activation=hard_tanh)`): Keras stores the function and
/// calls it on the layer's output. ConvBook runs it once on a symbolic tensor, as a `Lambda`'s
/// function is run, and gives the layer what the recorded operations compute
/// (`TracedActivation`); a function that computes something else is refused by its name, under
/// Keras 3 only when the layer runs (`ElementwiseProgram.refusal`), as Keras 3 calls it only there.
enum CustomActivations {
  /// Whether `value` is a function of the script (a `def`, a `lambda`, a bound method, a
  /// `partial` of one): what Keras would call, as opposed to a name or a Keras activation.
  static func isScriptFunction(_ value: Value) -> Bool {
    switch value {
    case .function(let callable):
      switch callable.kind {
      case .user, .partial: return true
      default: return false
      }
    case .method(receiver: .instance, _): return true
    default: return false
    }
  }

  /// A script function, or a tensor function given as an activation (`activation=ops.gelu`,
  /// `tf.math.tanh`): Keras calls it on the layer's output with its own defaults (`keras.ops.gelu`
  /// is the tanh approximation, `keras.activations.gelu` is not), so it is traced as a script's.
  private static func isTraced(_ value: Value) -> Bool {
    if case .function(let callable) = value, case .tensorFunction = callable.kind { return true }
    return isScriptFunction(value)
  }

  /// The keyword and positional arguments of a layer constructor with every script function
  /// given as an activation replaced by the Keras object that stands for it.
  static func resolve(
    className: String, positional: inout [Value], keywords: inout [(String, Value)],
    site: CallSite, interpreter: Interpreter
  ) throws(CellError) {
    for index in keywords.indices
    where keywords[index].0.hasSuffix("activation") && isTraced(keywords[index].1) {
      keywords[index].1 = try resolve(keywords[index].1, site: site, interpreter: interpreter)
    }
    if className == "Activation", let first = positional.first, isTraced(first) {
      positional[0] = try resolve(first, site: site, interpreter: interpreter)
    }
  }

  /// The Keras object for one script function given as an activation.
  static func resolve(_ function: Value, site: CallSite, interpreter: Interpreter)
    throws(CellError) -> Value
  {
    let range = site.range
    var name = "function"
    if case .string(let given) = try Attributes.get(
      "__name__", of: function, range: range, interpreter: interpreter)
    {
      name = given
    }
    let symbolic = KerasTensor(
      input: InputLayer(
        name: name + "_input", batchInputShape: TensorShape([nil, 8]),
        arguments: LayerArguments(className: "InputLayer", values: [:])))
    let session = interpreter.session
    session.lambdaTracingDepth += 1
    // Keras 3 runs the function on tensors, where `keras.backend` has only Keras 3's functions
    // (`K.sigmoid` is an AttributeError when the layer runs).
    let outerStrictness = session.keras3LambdaInference
    session.keras3LambdaInference = interpreter.kerasVersion == .keras3
    defer {
      session.lambdaTracingDepth -= 1
      session.keras3LambdaInference = outerStrictness
    }
    let refusal = "ConvBook does not support the activation function `\(name)` yet"
    // Keras 3's layers give their output shape without calling the function (`Dense`,
    // `Activation`, convolutions and recurrent layers have `compute_output_shape`): the model
    // builds and summarizes, and the function runs, or fails, only when the model runs. A
    // function ConvBook cannot compute is then refused there, not where the layer is made.
    let deferred = interpreter.kerasVersion == .keras3
    func failure(_ message: String) -> Value {
      .kerasObject(
        KerasObject(
          function: name,
          activation: .composed(ElementwiseProgram(name: name, refusal: message))))
    }
    let result: Value
    let (outputsBefore, writesBefore) = (interpreter.outputMark, interpreter.writeCount)
    do {
      result = try interpreter.kerasNames.withoutTakingNames { () throws(CellError) in
        try Calls.call(
          function, positional: [.kerasTensor(symbolic)], keywords: [],
          site: CallSite(range: range, calleeRange: range, arguments: [], calleeText: name),
          interpreter: interpreter)
      }
    } catch  where error.type == nil && error.message.hasPrefix("ConvBook does not support") {
      interpreter.takeBackOutputs(to: outputsBefore)
      let message = refusal + " (it calls what ConvBook lacks: \(error.message))"
      if deferred { return failure(message) }
      throw CellError.unsupported(message, at: range)
    } catch  where deferred && !(error.type == nil && error.message.hasPrefix("ConvBook stopped")) {
      interpreter.takeBackOutputs(to: outputsBefore)
      let raised = error.type.map { "\($0): \(error.message)" } ?? error.message
      return failure(
        "ConvBook does not support running the activation function `\(name)` yet: ConvBook runs it on a symbolic tensor to know what it computes, and it failed there (\(raised)), where Keras 3 runs it only on the data"
      )
    } catch {
      throw .unsupported(
        "ConvBook runs an activation function on a symbolic tensor to know what it computes, and `\(name)` failed there: \(error.message)",
        at: range)
    }
    // A function that prints: tf-keras prints where the layer is called, with the shape of its
    // output, Keras 3 only when the model runs; ConvBook's run on a tensor of its own shape
    // prints neither.
    if interpreter.writeCount != writesBefore {
      interpreter.takeBackOutputs(to: outputsBefore)
      let message =
        "ConvBook does not support the activation function `\(name)` yet: it prints, and Keras prints where it runs the function"
      if deferred { return failure(message) }
      throw .unsupported(message, at: range)
    }
    guard case .kerasTensor(let output) = result,
      let activation = TracedActivation.activation(input: symbolic, output: output, name: name)
    else {
      let message =
        refusal
        + " (ConvBook computes script functions made of element-wise tensor operations on their input)"
      if deferred { return failure(message) }
      throw .unsupported(message, at: range)
    }
    return .kerasObject(KerasObject(function: name, activation: activation))
  }

  /// `keras.activations.serialize` of a script's function named `name` (a layer's
  /// `get_config()["activation"]`): the name when the activations module has a global of that
  /// name (`relu6`, `mish`), else the function's config dict. The globals of
  /// `tf_keras/src/activations.py` and `keras/src/activations/__init__.py`, recorded.
  static func serialized(_ name: String, keras3: Bool) -> Value {
    guard !(keras3 ? keras3Globals : tfKerasGlobals).contains(name) else { return .string(name) }
    return .dictionary([
      (.string("module"), .string("builtins")), (.string("class_name"), .string("function")),
      (.string("config"), .string(name)), (.string("registered_name"), .string("function")),
    ])
  }

  static let tfKerasGlobals: Set<String> = [
    "_TF_ACTIVATIONS_V2", "activation_layers", "backend", "deserialize", "elu", "exponential",
    "gelu", "generic_utils", "get", "hard_sigmoid", "keras_export", "leaky_relu",
    "legacy_serialization", "linear", "log_softmax", "mish", "object_registration", "relu", "relu6",
    "saved_model_utils", "selu", "serialization_lib", "serialize", "sigmoid", "silu", "softmax",
    "softplus", "softsign", "swish", "sys", "tanh", "tf", "types",
  ]

  static let keras3Globals: Set<String> = [
    "ALL_OBJECTS", "ALL_OBJECTS_DICT", "activations", "celu", "deserialize", "elu", "exponential",
    "gelu", "get", "glu", "hard_shrink", "hard_sigmoid", "hard_silu", "hard_tanh", "keras_export",
    "leaky_relu", "linear", "log_sigmoid", "log_softmax", "mish", "object_registration", "relu",
    "relu6", "selu", "serialization_lib", "serialize", "sigmoid", "silu", "soft_shrink", "softmax",
    "softplus", "softsign", "sparse_plus", "sparse_sigmoid", "sparsemax", "squareplus", "tanh",
    "tanh_shrink", "threshold", "types",
  ]
}
