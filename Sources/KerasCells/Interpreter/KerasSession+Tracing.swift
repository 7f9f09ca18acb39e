import CNNEngine

extension KerasSession {
  /// Runs `body` as the trace of a custom layer's `call` on symbolic tensors: its arithmetic
  /// belongs to the layer (no session names), and the layers made meanwhile are collected for
  /// this trace alone (an enclosing trace keeps its own), and so are its tensor operations.
  /// Returns what `body` returned, the layers it made and its operations, in order.
  func tracingCall<Result>(
    _ body: () throws(CellError) -> Result
  ) throws(CellError) -> (
    result: Result, created: [LayerInstance], operations: [(base: String, name: String)]
  ) {
    lambdaTracingDepth += 1
    let outerCreated = layersCreatedWhileTracing
    let outerOperations = operationsWhileTracing
    let outerFirst = firstTracedFunction
    layersCreatedWhileTracing = []
    operationsWhileTracing = []
    firstTracedFunction = nil
    defer {
      lambdaTracingDepth -= 1
      layersCreatedWhileTracing = outerCreated
      operationsWhileTracing = outerOperations
      firstTracedFunction = outerFirst
    }
    let result = try body()
    return (result, layersCreatedWhileTracing ?? [], operationsWhileTracing ?? [])
  }
}
