import CNNEngine

/// `Lambda` layers: at the layer's first call, its function runs on symbolic tensors of the call's
/// shapes; the tensor arithmetic it performs (`TFOpLambda` operations, which take no names while
/// tracing) becomes the layer's program, from which the engine infers the output shape and runs
/// the forward pass. Anything else the function does is refused as ConvBook's limitation.
enum LambdaTracing {
  static func trace(
    _ instance: LayerInstance, on shapes: [TensorShape], asList: Bool, range: SourceRange,
    interpreter: Interpreter
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
    session.lambdaTracingDepth += 1
    defer { session.lambdaTracingDepth -= 1 }
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
      throw .unsupported(
        "ConvBook runs a Lambda layer's function on symbolic tensors to know its output, and the function of \(instance.name) failed there: \(error.message)",
        at: range)
    }
    if let items = result.sequenceItems, items.count > 1,
      items.allSatisfy({ if case .kerasTensor = $0 { true } else { false } })
    {
      throw .unsupported(
        "ConvBook does not support a Lambda layer whose function returns several tensors (\(instance.name) returned \(items.count)) yet",
        at: range)
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
    session.lambdaTracingDepth += 1
    defer { session.lambdaTracingDepth -= 1 }
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
