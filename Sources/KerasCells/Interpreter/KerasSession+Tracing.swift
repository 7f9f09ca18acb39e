import CNNEngine

extension KerasSession {
  /// Runs `body` as the trace of a custom layer's `call` on symbolic tensors: its arithmetic
  /// belongs to the layer (no session names), and the layers made meanwhile are collected for
  /// this trace alone (an enclosing trace keeps its own). Returns what `body` returned and the
  /// layers it made.
  func tracingCall<Result>(
    _ body: () throws(CellError) -> Result
  ) throws(CellError) -> (result: Result, created: [LayerInstance]) {
    lambdaTracingDepth += 1
    let outerCreated = layersCreatedWhileTracing
    let outerFirst = firstTracedFunction
    layersCreatedWhileTracing = []
    firstTracedFunction = nil
    defer {
      lambdaTracingDepth -= 1
      layersCreatedWhileTracing = outerCreated
      firstTracedFunction = outerFirst
    }
    let result = try body()
    return (result, layersCreatedWhileTracing ?? [])
  }
}
