import CNNEngine

/// What Keras' `__call__` does around a custom layer's `call` on data: an exception raised inside
/// is re-raised with the layer and the arguments it received (tf-keras: "Exception encountered
/// when calling layer 'name' (type Class)."; Keras 3: "Exception encountered when calling
/// Class.call()." with the message in bold), by the innermost layer only; and Keras 3's refusal of
/// positional arguments that are not tensors.
extension EagerCalls {
  private static let wrappedPrefix = "Exception encountered when calling"

  /// Runs `body` (the trace of `call` of `instance` on `positional` and `keywords`), wrapping a
  /// Python exception raised inside as Keras does when the trace is for a call on data.
  /// `symbolicCall`: the positional arguments and keywords of the call on Keras tensors that
  /// traces `call` (Keras 3 wraps an error raised then as its `compute_output_spec` does).
  static func wrappingErrors<T>(
    of instance: PythonInstance, positional: [Value], keywords: [(String, Value)],
    site: CallSite? = nil, interpreter: Interpreter,
    symbolicCall: (positional: [Value], keywords: [(String, Value)])? = nil,
    _ body: () throws(CellError) -> T
  ) throws(CellError) -> T {
    do {
      return try body()
    } catch var error {
      // (A call on Keras 3's named tensors inside a call traced for data: a Sequential model
      // that the traced call builds on the data's shape.)
      if let symbolicCall,
        interpreter.session.eagerTraceBatch == nil
          || callsNamedKerasTensors(symbolicCall.positional),
        let wrapped = keras3SymbolicCallError(
          error, of: instance, positional: symbolicCall.positional,
          keywords: Keras3StepTrace.shownKeywords(
            symbolicCall.keywords, given: symbolicCall.keywords, of: instance.type, site: site,
            interpreter: interpreter), interpreter: interpreter)
      {
        throw wrapped
      }
      if interpreter.session.eagerTraceBatch == nil, let site,
        let wrapped = symbolicCallError(
          error, of: instance, positional: positional, keywords: keywords, site: site,
          interpreter: interpreter)
      {
        throw wrapped
      }
      if interpreter.kerasVersion == .keras2, interpreter.session.eagerTraceBatch == nil,
        interpreter.session.placeholderBuildDepth == 0, site != nil, let type = error.type
      {
        // tf-keras raises any other exception of `call` on Keras tensors inside AutoGraph's
        // "in user code:" text, which quotes the frames of Keras' and TensorFlow's own files
        // (their absolute paths in site-packages) that the exception came through.
        throw .unsupported(
          "ConvBook does not support tf-keras' AutoGraph text of an exception raised inside the call() of \(instance.type.name) on Keras tensors yet (it quotes Keras' and TensorFlow's own files): \(type): \(error.message.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")",
          at: site?.range ?? error.range)
      }
      // On data, or in the step Keras 3's `fit`, `evaluate` or `predict` traces (a subclassed
      // model's `call` given the step's flag, on the step's batch).
      let step = interpreter.session.keras3StepTrace
      let eagerBatch = interpreter.session.eagerTraceBatch
      guard eagerBatch != nil || step != nil, error.type != nil,
        !error.message.hasPrefix(wrappedPrefix),
        let function = KerasSubclassing.callFunction(of: instance.type)
      else { throw error }
      let lines = argumentLines(
        of: function, positional: positional,
        keywords: eagerBatch == nil
          ? Keras3StepTrace.shownKeywords(
            keywords, given: [], of: instance.type, site: site, interpreter: interpreter)
          : keywords,
        batch: eagerBatch ?? step?.batch, interpreter: interpreter)
      let className = instance.type.name
      // Keras quotes the exception's first argument (`e.args[0]`): a KeyError's key, not the
      // key's repr that Python prints for the KeyError.
      var message = error.message
      let keyError = error.type == "KeyError"
      if keyError, let first = error.arguments?.values.first {
        message = PythonText.str(first)
      }
      if interpreter.kerasVersion == .keras3 {
        message =
          "\(wrappedPrefix) \(className).call().\n\n\u{1B}[1m\(message)\u{1B}[0m\n\nArguments received by \(className).call():\n"
          + lines.joined(separator: "\n")
      } else {
        let layer = "layer '\(instance.layerState?.name ?? "")' (type \(className))"
        message =
          "\(wrappedPrefix) \(layer).\n\n\(message)\n\nCall arguments received by \(layer):\n"
          + lines.joined(separator: "\n")
      }
      // Raised again as `KeyError(message)`, which Python prints as the message's repr.
      error.message = keyError ? PythonText.repr(.string(message)) : message
      error.suggestion = nil
      error.arguments = keyError ? ExceptionArguments([.string(message)]) : nil
      throw error
    }
  }

  /// `  • name=value` for each parameter of `call` after `self`, as Keras binds the call's
  /// arguments to its signature: tensors by shape and dtype, other values by `repr` (inside
  /// structures, as strings), a parameter not given by its default (`inspect._empty` for none).
  static func argumentLines(
    of function: UserFunction, positional: [Value], keywords: [(String, Value)], batch: Int?,
    interpreter: Interpreter
  ) -> [String] {
    let empty = "<class 'inspect._empty'>"
    var remaining = positional[...]
    var unused = keywords
    func take(_ name: String) -> Value? {
      guard let index = unused.firstIndex(where: { $0.0 == name }) else { return nil }
      return unused.remove(at: index).1
    }
    var lines: [String] = []
    for parameter in function.parameters.dropFirst() {
      let text: String
      switch parameter.kind {
      case .positional, .keywordOnly:
        if parameter.kind == .positional, let value = remaining.popFirst() {
          text = argumentText(value, batch: batch)
        } else if let value = take(parameter.name) {
          text = argumentText(value, batch: batch)
        } else if let value = function.defaults[parameter.name] {
          text = PythonText.str(value)
        } else {
          text = empty
        }
      case .variadic:
        text =
          remaining.isEmpty
          ? empty
          : PythonText.repr(
            .tuple(remaining.map { .string(argumentText($0, batch: batch)) }))
        remaining = []
      case .variadicKeywords:
        text =
          unused.isEmpty
          ? empty
          : PythonText.repr(
            .dictionary(
              PythonDict(
                unused.map {
                  (.string($0.0), .string(argumentText($0.1, batch: batch)))
                })))
        unused = []
      }
      lines.append("  • \(parameter.name)=\(text)")
    }
    return lines
  }

  /// One argument as Keras shows it: a tensor by shape and dtype, a list or dict of them as a
  /// structure of those texts, anything else by `repr`. A symbolic tensor of the trace stands for
  /// the eager tensor of the data's `batch` size that Keras' call had.
  private static func argumentText(_ value: Value, batch: Int?) -> String {
    func tensor(_ shape: [Int?], dtype: String) -> String {
      let sizes = shape.map { $0.map(String.init) ?? "None" }
      let text = sizes.count == 1 ? "(\(sizes[0]),)" : "(" + sizes.joined(separator: ", ") + ")"
      return "tf.Tensor(shape=\(text), dtype=\(dtype))"
    }
    switch value {
    case .array(let array):
      // Keras converts NumPy's float64 data to the layer's float32.
      return tensor(
        array.shape,
        dtype: array.tensorFlowDType ?? (array.dtype == .float64 ? "float32" : array.dtype.rawValue)
      )
    case .kerasTensor(let symbolic):
      // On data, a symbolic size stands for the data's batch (or -1); on a Keras tensor it stays
      // unknown (`None`).
      let dimensions = symbolic.shape.dimensions
      guard let batch else { return tensor(dimensions, dtype: "float32") }
      return tensor(
        dimensions.enumerated().map { $1 ?? ($0 == 0 ? batch : -1) }, dtype: "float32")
    case .list, .tuple:
      let items = (value.sequenceItems ?? []).map {
        Value.string(argumentText($0, batch: batch))
      }
      if case .tuple = value { return PythonText.repr(.tuple(items)) }
      return PythonText.repr(.list(PythonList(items)))
    default:
      return PythonText.repr(value)
    }
  }

  /// Runs `body` (the trace of a `call` of `type`) with Keras' call context set to the `training`
  /// value the call received (by keyword or position), when it is not None.
  static func inCallContext<T>(
    of type: PythonClass, positional: [Value], keywords: [(String, Value)],
    session: KerasSession, _ body: () throws(CellError) -> T
  ) throws(CellError) -> T {
    var training = keywords.first { $0.0 == "training" }?.1
    if training == nil, let function = KerasSubclassing.callFunction(of: type),
      let index = function.parameters.dropFirst().firstIndex(where: { $0.name == "training" }),
      index - 1 < positional.count
    {
      training = positional[index - 1]
    }
    let outer = session.callContextTraining
    if let training {
      if case .none = training {} else { session.callContextTraining = training }
    }
    defer { session.callContextTraining = outer }
    return try body()
  }

  /// Keras 3 takes only tensors (or None) as positional arguments of a layer's call, looking
  /// through lists, tuples and dictionaries (`tree.flatten`: a dict's values by sorted key).
  static func checkPositional(_ positional: [Value], site: CallSite, interpreter: Interpreter)
    throws(CellError)
  {
    guard interpreter.kerasVersion == .keras3 else { return }
    func flattened(_ value: Value) -> [Value] {
      switch value {
      case .list, .tuple: return (value.sequenceItems ?? []).flatMap(flattened)
      case .dictionary(let dictionary):
        var pairs = dictionary.pairs
        let keys = pairs.compactMap { pair -> String? in
          if case .string(let key) = pair.0 { return key } else { return nil }
        }
        if case .plain = dictionary.flavor, keys.count == pairs.count {
          pairs = zip(keys, pairs).sorted { $0.0 < $1.0 }.map(\.1)
        }
        return pairs.flatMap { flattened($0.1) }
      default: return [value]
      }
    }
    for value in positional.flatMap(flattened) {
      switch value {
      case .array, .kerasTensor, .none: continue
      default:
        throw CellError(
          type: "ValueError",
          message:
            "Only input tensors may be passed as positional arguments. The following argument value should be passed as a keyword argument: \(PythonText.str(value)) (of type \(PythonText.repr(Builtins.typeValue(of: value))))",
          range: site.range)
      }
    }
  }
}
