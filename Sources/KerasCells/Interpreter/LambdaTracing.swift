import CNNEngine

/// `Lambda` layers: at the layer's first call, its function runs on symbolic tensors of the call's
/// shapes; the tensor arithmetic it performs (`TFOpLambda` operations, which take no names while
/// tracing) becomes the layer's program, from which the engine infers the output shape and runs
/// the forward pass. Anything else the function does is refused as ConvBook's limitation.
enum LambdaTracing {
  static func trace(
    _ instance: LayerInstance, on shapes: [TensorShape], asList: Bool, range: SourceRange,
    interpreter: Interpreter, tensors: [KerasTensor]? = nil
  ) throws(CellError) {
    guard let lambda = instance.layer as? Lambda, lambda.trace.program == nil else { return }
    let session = interpreter.session
    guard let function = session.lambdaFunctions[ObjectIdentifier(instance)] else {
      throw .unsupported(
        "ConvBook does not know the function of the Lambda layer \(instance.name)", at: range)
    }
    let symbolic = shapes.map { shape in
      KerasTensor(
        input: InputLayer(
          name: instance.name + "_input", batchInputShape: shape,
          arguments: LayerArguments(className: "InputLayer", values: [:])))
    }
    let argument: Value =
      asList ? .list(symbolic.map { .kerasTensor($0) }) : .kerasTensor(symbolic[0])
    // Keras 3 runs the function only to infer a shape that `output_shape=` does not give; then
    // `keras.backend` has only Keras 3's own functions.
    let keras3Infers =
      interpreter.kerasVersion == .keras3 && lambda.customClassName == nil
      && lambda.common.arguments["output_shape"] == .none
    let outerStrictness = session.keras3LambdaInference
    session.keras3LambdaInference = keras3Infers
    session.lambdaTracingDepth += 1
    let outerReads = session.lambdaFreeReads
    session.lambdaFreeReads = []
    defer {
      session.lambdaTracingDepth -= 1
      session.keras3LambdaInference = outerStrictness
      let reads = session.lambdaFreeReads ?? []
      if lambda.trace.program != nil {
        session.lambdaTraceRecords[ObjectIdentifier(instance)] = LambdaRebinding.Record(
          shapes: shapes, asList: asList, reads: reads)
      }
      session.lambdaFreeReads = outerReads.map { $0 + reads }
    }
    let result: Value
    do {
      result = try Calls.call(
        function, positional: [argument],
        keywords: session.lambdaArguments[ObjectIdentifier(instance)] ?? [],
        site: CallSite(range: range, calleeRange: range, arguments: [], calleeText: "function"),
        interpreter: interpreter)
    } catch  where error.type == nil && error.message.hasPrefix("ConvBook does not support") {
      // ConvBook's own limitation, already naming what the function used ("ConvBook does not
      // support `tensorflow.split` yet" becomes "... in a Lambda yet").
      var message = error.message
      if !message.contains(" in a Lambda"), message.hasSuffix(" yet") {
        message = String(message.dropLast(" yet".count)) + " in a Lambda yet"
      }
      throw CellError.unsupported(message, at: range)
    } catch {
      if lambda.customClassName == nil, let type = error.type, raisedByPython(type, error.message),
        let keras = kerasError(
          type, error.message, layer: instance.name, shapes: shapes, asList: asList,
          tensors: tensors, keras3Infers: keras3Infers, interpreter: interpreter)
      {
        throw CellError(type: keras.type, message: keras.message, range: range)
      }
      throw .unsupported(
        "ConvBook runs a Lambda layer's function on symbolic tensors to know its output, and the function of \(instance.name) failed there: \(error.message)",
        at: range)
    }
    if let items = result.sequenceItems, items.count > 1,
      case let tensors = items.compactMap({ item -> KerasTensor? in
        if case .kerasTensor(let tensor) = item { tensor } else { nil }
      }), tensors.count == items.count
    {
      // A list or tuple of tensors (`tf.split` in a Lambda): the layer returns each of them.
      var isTuple = false
      if case .tuple = result { isTuple = true }
      guard lambda.customClassName == nil,
        let program = LambdaTrace.program(
          inputs: symbolic, outputs: tensors, returnsTuple: isTuple)
      else {
        throw .unsupported(
          "ConvBook does not support a Lambda layer whose function returns several tensors (\(instance.name) returned \(items.count)) yet",
          at: range)
      }
      lambda.trace.program = program
      return
    }
    guard case .kerasTensor(let output) = result,
      let program = LambdaTrace.program(inputs: symbolic, output: output)
    else {
      throw .unsupported(
        "ConvBook runs Lambda functions made of tensor arithmetic and TensorFlow / keras.backend / keras.ops functions on tensors only; the function of \(instance.name) returned \(PythonText.repr(result))",
        at: range)
    }
    lambda.trace.program = program
  }

  /// Whether an error of the function is Python's own whatever the tensors are: calling it with
  /// arguments it does not take, a name it does not define, a module attribute that does not
  /// exist. (An attribute ConvBook's symbolic tensors lack may exist on TensorFlow's, so other
  /// errors stay ConvBook's limitation.)
  private static func raisedByPython(_ type: String, _ message: String) -> Bool {
    switch type {
    case "NameError": return true
    case "AttributeError": return message.hasPrefix("module '")
    case "TypeError":
      return message.contains("got an unexpected keyword argument")
        || message.contains("required positional argument")
        || message.contains("positional argument but")
        || message.contains("positional arguments but")
    default: return false
    }
  }

  /// The error Keras raises when the function fails on the layer's symbolic inputs: tf-keras
  /// reports it with the call's arguments; Keras 3, which runs the function only to infer the
  /// output shape, replaces it with its request for `output_shape` (nil when ConvBook does not
  /// have the call's tensors to show, or Keras 3 would not run the function).
  private static func kerasError(
    _ type: String, _ message: String, layer: String, shapes: [TensorShape], asList: Bool,
    tensors: [KerasTensor]?, keras3Infers: Bool, interpreter: Interpreter
  ) -> (type: String, message: String)? {
    if interpreter.kerasVersion == .keras2 {
      let described = shapes.map { "tf.Tensor(shape=\($0), dtype=float32)" }
      let inputs =
        asList ? "[" + described.map { "'\($0)'" }.joined(separator: ", ") + "]" : described[0]
      return (
        type,
        "Exception encountered when calling layer \"\(layer)\" (type Lambda).\n\n\(message)\n\n"
          + "Call arguments received by layer \"\(layer)\" (type Lambda):\n"
          + "  • inputs=\(inputs)\n  • mask=None\n  • training=None"
      )
    }
    guard keras3Infers, let tensors, tensors.count == shapes.count else { return nil }
    let described = tensors.map { "'\($0.reprDescription)'" }
    let arguments = asList ? "[" + described.joined(separator: ", ") + "]" : described[0]
    let masks =
      asList
      ? "[" + Array(repeating: "'None'", count: tensors.count).joined(separator: ", ") + "]"
      : "'None'"
    return (
      "NotImplementedError",
      "Exception encountered when calling Lambda.call().\n\n\u{1B}[1mWe could not automatically infer the shape of the Lambda's output. Please specify the `output_shape` argument for this Lambda layer.\u{1B}[0m\n\n"
        + "Arguments received by Lambda.call():\n  • args=(\(arguments),)\n  • kwargs={'mask': \(masks)}"
    )
  }

  /// A loss defined in the cell (`def contrastive_loss(y_true, y_pred)`) run once on symbolic
  /// targets and predictions of the model output's `shape`: the tensor operations it performed,
  /// reading the targets as value 0 and the predictions as value 1.
  static func traceLoss(
    _ function: Value, name: String, shape: TensorShape, range: SourceRange,
    interpreter: Interpreter
  ) throws(CellError) -> LambdaTrace.Program {
    let symbolic = ["y_true", "y_pred"].map { role in
      KerasTensor(
        input: InputLayer(
          name: name + "_" + role, batchInputShape: shape,
          arguments: LayerArguments(className: "InputLayer", values: [:])))
    }
    let session = interpreter.session
    // Keras calls a compiled loss or metric inside `fit`: under Keras 3 a name its
    // `keras.backend` lacks (`K.sum`) is the AttributeError Keras raises there.
    let outerStrictness = session.keras3LambdaInference
    session.keras3LambdaInference = interpreter.kerasVersion == .keras3
    session.lambdaTracingDepth += 1
    defer {
      session.lambdaTracingDepth -= 1
      session.keras3LambdaInference = outerStrictness
    }
    let result = try Calls.call(
      function, positional: symbolic.map { .kerasTensor($0) }, keywords: [],
      site: CallSite(range: range, calleeRange: range, arguments: [], calleeText: name),
      interpreter: interpreter)
    guard case .kerasTensor(let output) = result,
      let program = LambdaTrace.program(inputs: symbolic, output: output)
    else {
      throw .unsupported(
        "ConvBook trains with losses made of tensor arithmetic and TensorFlow / keras.backend / keras.ops functions that return a tensor",
        at: range)
    }
    return program
  }
}
