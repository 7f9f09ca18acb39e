import CNNEngine

/// Python's recursion limit where Keras recurses once per layer. Making a model from a graph of
/// layers (`keras.Model(inputs, outputs)`, and a Sequential model that knows its input, which
/// both Keras map as a functional graph each time it is built or a layer added) walks the graph
/// from each output back to the inputs with a recursive helper, one Python frame per node on the
/// path (`_build_map_helper`). A chain of about a thousand layers therefore raises
/// `RecursionError: maximum recursion depth exceeded` where the model is made, at a depth that
/// depends on the frames the script's own calls hold (`Interpreter.callDepth`) and on the limit
/// it set (`sys.setrecursionlimit`); the model is never made.
///
/// The frames each construction stacks besides the walk were measured by bisection with
/// tf-keras 2.21 and Keras 3.15.1 on CPython 3.11 (the longest chain of `Dense` layers that is
/// made, at limits 1000 and 1500, from the top level and from inside a function; the deepest
/// frames are the walk's, then `tree.flatten` at the inputs): the walk of `h` nodes fails when
/// `callDepth + h + frames > limit`.
enum KerasRecursionLimit {
  /// Where Keras makes the graph.
  enum Site {
    /// `keras.Model(inputs, outputs)`.
    case functional
    /// `keras.Sequential([keras.Input(...), ...])`, or `add` to a Sequential model that has its
    /// input.
    case sequential
  }

  /// Frames of Keras' own besides the walk's nodes (see the type's note).
  static func frames(_ site: Site, _ version: KerasVersion) -> Int {
    switch (site, version) {
    case (.functional, .keras3): return 9
    case (.sequential, .keras3): return 14
    case (.functional, .keras2): return 9
    case (.sequential, .keras2): return 13
    }
  }

  /// CPython's default limit, under which the frames were measured. Above it the walk stops
  /// sooner than the frames say (tf-keras fails a chain of 1,239 layers under a limit of 1,250):
  /// a walk that would not fit under the default limit is ConvBook's refusal there.
  static let measuredLimit = 1000

  /// The deepest walk, in nodes, Keras can make from the script's current call depth.
  static func walkLimit(_ site: Site, interpreter: Interpreter) -> Int {
    min(interpreter.session.recursionLimit, measuredLimit) - interpreter.callDepth
      - frames(site, interpreter.kerasVersion)
  }

  /// The error for a walk deeper than `walkLimit`: Python's RecursionError under the default
  /// limit, ConvBook's refusal under a raised one.
  static func tooDeep(site: CallSite, interpreter: Interpreter) -> CellError {
    let limit = interpreter.session.recursionLimit
    guard limit <= measuredLimit else {
      return .unsupported(
        "ConvBook does not model where Keras' recursive walk of a model's graph stops under a recursion limit raised above 1000 (sys.setrecursionlimit(\(limit))) yet; this graph is too deep for the default limit",
        at: site.range)
    }
    return CellError(
      type: "RecursionError", message: "maximum recursion depth exceeded", range: site.range)
  }

  /// A Sequential model that has its input is a chain: its walk visits every layer and the input.
  static func checkSequential(
    _ model: KerasModel, site: CallSite, interpreter: Interpreter
  ) throws(CellError) {
    guard model.graph == nil, model.inputLayer != nil else { return }
    let walk = model.layers.filter { !$0.isInputLayer }.count + 1
    guard walk > walkLimit(.sequential, interpreter: interpreter) else { return }
    throw tooDeep(site: site, interpreter: interpreter)
  }

  /// Frames left free below the limit for a Sequential model built by its first call, `build` or
  /// `fit` (made without its input): Keras maps it from deep inside its own calls there, at
  /// depths not measured, so a chain that could come near the limit is refused.
  static let unmeasuredMargin = 200

  /// Refuses building a Sequential model without its input whose walk could meet the limit.
  static func checkDeferredBuild(
    _ model: KerasModel, site: CallSite, interpreter: Interpreter
  ) throws(CellError) {
    guard model.graph == nil, !model.isBuilt else { return }
    let limit = interpreter.session.recursionLimit
    let walk = model.layers.count + 1
    guard walk + interpreter.callDepth + unmeasuredMargin > limit else { return }
    throw .unsupported(
      "ConvBook does not support building the Sequential model \"\(model.name)\" of \(model.layers.count) layers at its first use yet: Keras maps its graph from inside its own calls, where Python's recursion limit (\(limit)) may stop it at a depth ConvBook does not model; give the model its input first (keras.Input)",
      at: site.range)
  }
}
