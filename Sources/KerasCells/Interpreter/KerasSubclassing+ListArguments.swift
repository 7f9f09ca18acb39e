import CNNEngine

/// A custom layer called on several positional lists of Keras tensors in Keras 3
/// (`distance(embedding(a), embedding(b))`, where the functional model `embedding` was built with
/// `outputs=[x]` and so returns a one-element list to a symbolic call): Keras 3 hands the lists
/// to `call` as they are (`compute_output_spec`), so arithmetic on them fails in Python
/// (`unsupported operand type(s) for -: 'list' and 'list'`) and Keras wraps that failure.
extension KerasSubclassing {
  /// Runs `call` on the lists as Keras 3 does: its exception, wrapped as Keras wraps it. A `call`
  /// that gets through is one ConvBook does not trace into a layer yet: refused.
  static func callOnSeveralLists(
    _ instance: PythonInstance, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) {
    let type = instance.type
    let refusal = CellError.unsupported(
      "ConvBook does not support calling the custom layer \(type.name) on several lists of Keras tensors yet",
      at: site.range)
    guard instance.layerState?.layer == nil, let call = tracedCall(of: type) else {
      throw refusal
    }
    let session = interpreter.session
    let outerStrictness = session.keras3LambdaInference
    session.keras3LambdaInference = type.lookup("compute_output_shape") == nil
    defer { session.keras3LambdaInference = outerStrictness }
    _ = try EagerCalls.wrappingErrors(
      of: instance, positional: positional, keywords: keywords, site: site,
      interpreter: interpreter, symbolicCall: (positional, keywords)
    ) { () throws(CellError) in
      try session.tracingCall { () throws(CellError) in
        try interpreter.callClassMember(
          call, receiver: .instance(instance), receiverClass: type, positional: positional,
          keywords: keywords, site: site)
      }
    }
    throw refusal
  }
}
