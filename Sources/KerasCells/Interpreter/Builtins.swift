import BigInt
import CNNEngine
import Foundation

/// The Python built-in functions the cell language offers.
enum Builtins {
  static let names: Set<String> = [
    "print", "len", "range", "str", "int", "float", "round", "abs", "min", "max", "sum", "list",
    "tuple", "sorted", "enumerate", "zip", "repr", "bool", "type", "isinstance", "hasattr",
    "getattr", "any", "all", "reversed", "dict", "map", "filter", "set", "frozenset", "format",
    "vars", "next", "iter", "chr", "ord", "divmod", "pow", "callable", "hex", "bin", "oct",
    "eval", "slice", "id", "__import__",
  ]

  /// A built-in class and its bases up to (without) `object`, as `__mro__` lists them:
  /// `["KeyError", "LookupError", "Exception", "BaseException"]`, `["bool", "int"]`.
  static func classChain(_ name: String) -> [String] {
    if name == "bool" { return ["bool", "int"] }
    var chain = [name]
    while let base = exceptionBases[chain[chain.count - 1]], !base.isEmpty { chain.append(base) }
    return chain
  }

  /// Python's exception classes the cell language raises, each with its base class.
  static let exceptionBases: [String: String] = [
    "BaseException": "", "Exception": "BaseException", "ArithmeticError": "Exception",
    "ZeroDivisionError": "ArithmeticError", "OverflowError": "ArithmeticError",
    "LookupError": "Exception", "IndexError": "LookupError", "KeyError": "LookupError",
    "ValueError": "Exception", "TypeError": "Exception", "AttributeError": "Exception",
    "NameError": "Exception", "UnboundLocalError": "NameError", "AssertionError": "Exception",
    "RuntimeError": "Exception", "RecursionError": "RuntimeError",
    "NotImplementedError": "RuntimeError", "ImportError": "Exception",
    "ModuleNotFoundError": "ImportError", "OSError": "Exception",
    "FileNotFoundError": "OSError", "StopIteration": "Exception", "SystemExit": "BaseException",
    // `json.loads`' error, a ValueError (`StandardJSON`).
    StandardJSON.decodeError: "ValueError",
    // `re`'s error (`StandardRe`).
    StandardRe.error: "Exception",
    // TensorFlow's runtime errors (`EagerArithmetic`).
    EagerArithmetic.invalidArgument: "Exception",
    // `packaging.version.parse`'s error (`StandardPackaging`).
    StandardPackaging.invalidVersion: "ValueError",
    // What closes a paused generator (`PythonGenerator`).
    "GeneratorExit": "BaseException",
    // A frozen dataclass' error (`StandardDataclasses`).
    StandardDataclasses.frozenInstanceError: "AttributeError",
    ArrayInPlace.outputCastingError: "TypeError",
    // The warning categories (`warnings.filterwarnings("ignore", category=FutureWarning)`,
    // `warnings.warn(message, DeprecationWarning)`).
    "Warning": "Exception", "UserWarning": "Warning", "DeprecationWarning": "Warning",
    "PendingDeprecationWarning": "Warning", "SyntaxWarning": "Warning",
    "RuntimeWarning": "Warning", "FutureWarning": "Warning", "ImportWarning": "Warning",
    "UnicodeWarning": "Warning", "BytesWarning": "Warning", "ResourceWarning": "Warning",
    "EncodingWarning": "Warning",
    // The rest of Python's built-in exceptions that take a plain message (an `except
    // KeyboardInterrupt:` clause names one whether or not it is ever raised).
    "KeyboardInterrupt": "BaseException", "EOFError": "Exception", "MemoryError": "Exception",
    "BufferError": "Exception", "ReferenceError": "Exception", "SystemError": "Exception",
    "StopAsyncIteration": "Exception", "FloatingPointError": "ArithmeticError",
    "UnicodeError": "ValueError", "ConnectionError": "OSError",
    "BrokenPipeError": "ConnectionError", "ConnectionAbortedError": "ConnectionError",
    "ConnectionRefusedError": "ConnectionError", "ConnectionResetError": "ConnectionError",
    "BlockingIOError": "OSError", "ChildProcessError": "OSError", "FileExistsError": "OSError",
    "InterruptedError": "OSError", "IsADirectoryError": "OSError", "NotADirectoryError": "OSError",
    "PermissionError": "OSError", "ProcessLookupError": "OSError", "TimeoutError": "OSError",
  ]

  static func value(named name: String) -> Value? {
    if let value = ClassBuiltins.value(named: name) { return value }
    if exceptionBases[name] != nil { return .function(Callable(.builtin(name), path: name)) }
    // A cell runs as a script does: `if __name__ == "__main__":` bodies run.
    if name == "__name__" { return .string("__main__") }
    if name == "exit" || name == "quit" { return .standard(SiteQuitter(name: name)) }
    return names.contains(name) ? .function(Callable(.builtin(name), path: name)) : nil
  }

  // The builtins that read their argument's text, tensor, learning rate or NumPy scalar value;
  // kept as sets made once: `call` runs for every `print`, so a list made on each call and
  // searched element by element costs each line printed.
  private static let readingText: Set<String> = ["int", "float", "len", "ord"]
  private static let optimizerLookups: Set<String> = [
    "keras.optimizers.get", "keras.optimizers.serialize", "keras.optimizers.deserialize",
  ]
  private static let readingTensors: Set<String> = ["int", "float", "abs", "len", "bool"]
  private static let readingLearningRates: Set<String> = ["int", "float", "abs", "round"]
  private static let readingNumPyScalars: Set<String> = [
    "int", "float", "abs", "range", "chr", "hex", "bin", "oct",
  ]

  static func call(
    _ name: String, positional given: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value {
    var positional = given
    // `np.str_` is a `str`: the builtins that read a text read its text.
    if Self.readingText.contains(name), positional.count == 1,
      case .standard(let text as NumPyString) = positional[0]
    {
      positional[0] = .string(text.text)
    }
    let range = site.range
    func typeError(_ message: String) -> CellError {
      CellError(type: "TypeError", message: message, range: range)
    }
    func exactly(_ count: Int) throws(CellError) {
      if positional.count != count || !keywords.isEmpty {
        throw typeError(
          "\(name)() takes exactly \(count) argument\(count == 1 ? "" : "s") (\(positional.count) given)"
        )
      }
    }
    if name == "__import__" {
      return try ScriptModuleImport.call(
        positional: positional, keywords: keywords, site: site, interpreter: interpreter)
    }
    if name == "keras.regularizers.get" {
      return try RegularizerLookup.get(
        positional: positional, keywords: keywords, site: site, interpreter: interpreter)
    }
    if name == "keras.constraints.get" {
      return try ConstraintLookup.get(
        positional: positional, keywords: keywords, site: site, interpreter: interpreter)
    }
    if name == "keras.initializers.get" {
      return try InitializerLookup.get(
        positional: positional, keywords: keywords, site: site, interpreter: interpreter)
    }
    if name == "keras.Model.save" {
      try ModelSaving.save(
        positional: positional, keywords: keywords, site: site, interpreter: interpreter)
    }
    if KerasSerialization.functions.contains(name) {
      return try KerasSerialization.call(
        name, positional: positional, keywords: keywords, site: site, interpreter: interpreter)
    }
    if Self.optimizerLookups.contains(name) {
      return try OptimizerConfig.lookup(
        String(name.dropFirst(17)), positional: positional, keywords: keywords, site: site,
        interpreter: interpreter)
    }
    if name.hasPrefix("keras.optimizers.from_config.") {
      guard let config = positional.first ?? keywords.first(where: { $0.0 == "config" })?.1,
        positional.count + keywords.count == 1
      else {
        throw CellError(
          type: "TypeError",
          message: "from_config() missing 1 required positional argument: 'config'",
          range: site.range)
      }
      return try OptimizerConfig.fromConfig(
        String(name.dropFirst(29)), config: config, site: site, interpreter: interpreter)
    }
    if name.hasPrefix("keras.losses.") || name.hasPrefix("keras.metrics.")
      || name.hasPrefix("keras.callbacks.")
    {
      throw .unsupported("ConvBook does not support `\(name)` yet", at: site.range)
    }
    if name.hasPrefix("keras.mixed_precision.") {
      return try MixedPrecision.call(
        String(name.dropFirst(22)), positional: positional, keywords: keywords, site: site,
        interpreter: interpreter)
    }
    if name.hasPrefix("keras.activations.") {
      return try ActivationLookup.call(
        String(name.dropFirst(18)), path: name, positional: positional, keywords: keywords,
        site: site, interpreter: interpreter)
    }
    if name.hasPrefix("numpy.testing.") {
      return try NumPyTesting.call(
        String(name.dropFirst(14)), positional: positional, keywords: keywords, site: site,
        interpreter: interpreter)
    }
    if name == "numpy.load" {
      if let missing = MissingFiles.firstPath(
        "file", positional: positional, keywords: keywords, session: interpreter.session,
        range: site.range)
      {
        throw missing
      }
      throw .unsupported("ConvBook does not support `numpy.load` yet", at: site.range)
    }
    if name.hasPrefix("numpy.") {
      let result = try NumPyFunctions.call(
        String(name.dropFirst(6)), positional: positional, keywords: keywords, site: site,
        budget: interpreter.budget)
      // `np.empty`'s unwritten values carry the own-draw marks, which the session must look for.
      if case .array(let array) = result, array.unwritten != nil {
        interpreter.session.training.ownDrawsSeen = true
      }
      return result
    }
    if name.hasPrefix("tf.compat.v1."),
      TFCompatSessionObject.classNames.contains(String(name.dropFirst("tf.compat.v1.".count)))
    {
      return try TFCompatSessionObject.make(
        String(name.dropFirst("tf.compat.v1.".count)), positional: positional,
        keywords: keywords, site: site)
    }
    switch name {
    case "tf.TensorShape":
      return try TensorShapeValue.construct(positional, keywords: keywords, range: site.range)
    case "tf.IndexedSlices":
      return try IndexedSlicesObject.make(positional: positional, keywords: keywords, site: site)
    case "keras.utils.to_categorical":
      return try NumPyFunctions.toCategorical(
        positional: positional, keywords: keywords, site: site,
        version: interpreter.kerasVersion, budget: interpreter.budget)
    case "keras.Variable":
      return try EagerVariables.makeKeras(
        positional: positional, keywords: keywords, site: site, interpreter: interpreter)
    case "keras.layers.InputSpec":
      return try InputSpecValue.make(
        positional: positional, keywords: keywords, site: site, interpreter: interpreter)
    case "keras.layers.TextVectorization":
      return .standard(
        try TextVectorizationLayer(
          positional: positional, keywords: keywords, site: site, interpreter: interpreter))
    case "keras.layers.StringLookup", "keras.layers.IntegerLookup":
      return .standard(
        try IndexLookupLayer(
          className: String(name.dropFirst("keras.layers.".count)), positional: positional,
          keywords: keywords, site: site, interpreter: interpreter))
    case "keras.layers.Hashing":
      return .standard(
        try HashingLayer(
          positional: positional, keywords: keywords, site: site, interpreter: interpreter))
    case "keras.preprocessing.text.Tokenizer":
      return .standard(
        try KerasTokenizer(
          positional: positional, keywords: keywords, site: site, interpreter: interpreter))
    case "keras.preprocessing.image.ImageDataGenerator":
      return .standard(
        try ImageDataGeneratorObject(
          positional: positional, keywords: keywords, site: site, interpreter: interpreter))
    case "keras.preprocessing.text.text_to_word_sequence":
      return try KerasTokenizer.textToWordSequence(
        positional: positional, keywords: keywords, site: site, interpreter: interpreter)
    case "keras.utils.pad_sequences":
      return try PadSequences.call(
        positional: positional, keywords: keywords, site: site, interpreter: interpreter)
    default: break
    }
    if Self.readingTensors.contains(name), positional.count == 1,
      let array = EagerTensors.operand(positional[0])
    {
      return try EagerTensors.builtin(name, array, range: site.range)
    }
    // `int(x)` / `float(x)` of a 0-d NumPy array read its value (NumPy 2.4's `__int__` refuses
    // any other array).
    if name == "int" || name == "float", positional.count == 1, keywords.isEmpty,
      case .array(let array) = positional[0], array.tensorFlowDType == nil
    {
      guard array.rank == 0 else {
        throw CellError(
          type: "TypeError",
          message: "only 0-dimensional arrays can be converted to Python scalars",
          range: range)
      }
      return try call(
        name, positional: [ArrayOperations.scalar(array, at: 0)], keywords: [], site: site,
        interpreter: interpreter)
    }
    // An optimizer's learning rate converts as its float32 value.
    if Self.readingLearningRates.contains(name),
      case .standard(let variable as LearningRateVariable)? = positional.first
    {
      return try call(
        name, positional: [try variable.scalar(range: range)] + positional.dropFirst(),
        keywords: keywords, site: site, interpreter: interpreter)
    }
    // `int(x)`, `float(x)`, `abs(x)` and `range(x)` of a NumPy scalar read its Python number.
    if Self.readingNumPyScalars.contains(name),
      positional.contains(where: { if case .standard(is NumPyScalar) = $0 { true } else { false } })
    {
      return try call(
        name, positional: positional.map(NumPyScalar.number), keywords: keywords, site: site,
        interpreter: interpreter)
    }
    if name == "round", case .standard(let scalar as NumPyScalar)? = positional.first {
      // NumPy rounds a scalar in its own dtype (`np.round`), and keeps it a scalar.
      var digits = 0
      if positional.count > 1, case .int(let given) = NumPyScalar.number(positional[1]) {
        digits = given
      }
      let rounded = try NumPyFunctions.round(
        scalar.array, decimals: digits, range: range, budget: interpreter.budget)
      if positional.count == 1 {
        return try call(
          "round", positional: [ArrayOperations.scalar(rounded, at: 0)], keywords: [], site: site,
          interpreter: interpreter)
      }
      return .standard(NumPyScalar(rounded))
    }
    switch name {
    case "print":
      switch interpreter.datasetFunction {
      case .running?:
        // The graph a `Dataset.map` / `filter` stage traced runs for this element: Python's
        // print ran once, in the trace.
        return .none
      case .tracing(let shapesKnown)?:
        // The trace's tensors are symbolic ones; where the spec leaves a dimension open, the
        // first element stands in for them and numbers read off it are not the trace's.
        let symbolic = positional.contains {
          switch $0 {
          case .string, .none: return false
          case .array, .standard(is EagerVariable), .standard(is NumPyScalar), .kerasTensor:
            return true
          default: return !shapesKnown
          }
        }
        if symbolic {
          throw .unsupported(
            "ConvBook does not support Python's print() of tensors or of values read off them inside a Dataset.\(shapesKnown ? "map or filter" : "map or filter over elements of open shape") function yet (TensorFlow runs it once, while tracing, and shows symbolic tensors there; tf.print prints for every element)",
            at: range)
        }
      case nil: break
      }
      if interpreter.tfFunctionDepth > 0 {
        // TensorFlow runs the Python function (and its print) only while it traces a graph, the
        // first call with these arguments' dtypes and shapes (Python values by value); later
        // calls run the graph, which prints nothing. Tensors print there as symbolic ones.
        let tracing = interpreter.session.eagerRandom.tracing
        let symbolic = (positional + keywords.map(\.1)).contains {
          switch $0 {
          case .array, .standard(is EagerVariable), .kerasTensor: return true
          default: return false
          }
        }
        if tracing == false && interpreter.tfFunctionDepth == 1 { return .none }
        guard tracing == true, interpreter.tfFunctionDepth == 1, !symbolic else {
          throw .unsupported(
            "ConvBook does not support Python's print() of tensors inside a `tf.function` yet (TensorFlow runs it once, while tracing, and shows symbolic tensors there; tf.print prints on every call)",
            at: range)
        }
      }
      var separator = " "
      var end = "\n"
      var stream: StandardStream?
      var buffer: StringBuffer?
      // CPython refuses an unknown keyword, then checks `sep`, `end` and writes to `file`.
      let order = ["sep", "end", "file", "flush"]
      let checked = keywords.enumerated().sorted {
        ((order.firstIndex(of: $0.element.0) ?? -1), $0.offset)
          < ((order.firstIndex(of: $1.element.0) ?? -1), $1.offset)
      }.map(\.element)
      for (label, value) in checked {
        switch (label, value) {
        case ("sep", .string(let text)): separator = text
        case ("end", .string(let text)): end = text
        case ("sep", .none), ("end", .none), ("flush", _), ("file", .none): break
        case ("file", .standard(let given as StandardStream)): stream = given
        case ("file", .standard(let given as StringBuffer)): buffer = given
        case ("sep", _), ("end", _):
          throw typeError("\(label) must be None or a string, not \(value.typeName)")
        case ("file", .int), ("file", .float), ("file", .bool), ("file", .string),
          ("file", .tuple), ("file", .list), ("file", .dictionary):
          throw CellError(
            type: "AttributeError",
            message: "'\(value.typeName)' object has no attribute 'write'", range: range)
        case ("file", _):
          throw .unsupported(
            "ConvBook's print() writes to sys.stdout or sys.stderr only (no files)", at: range)
        default: throw typeError("'\(label)' is an invalid keyword argument for print()")
        }
      }
      let argumentRanges = site.arguments.filter { $0.label == nil }.map(\.range)
      if interpreter.session.eagerTraceBatch != nil,
        positional.contains(where: Self.showsTracedBatch)
      {
        // Keras runs a call on data eagerly: its tensors hold the data's batch size and values,
        // where ConvBook's trace of `call` has a symbolic tensor of unknown batch size.
        throw .unsupported(
          "ConvBook does not support printing a tensor or its shape inside call() of a layer called on data yet (Keras shows the data's batch size and values there; ConvBook traces call() with the batch size unknown)",
          at: range)
      }
      for (index, value) in positional.enumerated() {
        let valueRange = argumentRanges.count == positional.count ? argumentRanges[index] : range
        try interpreter.prepareText(value, range: range, as: .str)
        try PythonText.requireKnownText(value, range: valueRange)
      }
      let text = positional.map(PythonText.str).joined(separator: separator) + end
      try interpreter.budget.allocate(bytes: text.utf8.count, at: range)
      if let buffer {
        guard !buffer.closed else {
          throw CellError(type: "ValueError", message: "I/O operation on closed file", range: range)
        }
        buffer.write(text)
      } else if let stream {
        stream.write(text, interpreter)
      } else {
        interpreter.write(text)
      }
      return .none
    case "len":
      try exactly(1)
      try SysPath.refuseReading(positional[0], range: range)
      switch positional[0] {
      case .list(let list): return .int(list.count)
      case .tuple(let items): return .int(items.count)
      case .tensorShape(let dimensions): return .int(dimensions.count)
      case .string(let text): return .int(PythonCodePoints.count(text))
      case .dictionary(let pairs): return .int(pairs.count)
      case .set(let set): return .int(set.count)
      case .standard(let object) where object.tupleItems != nil:
        return .int(object.tupleItems?.count ?? 0)
      case .array(let array):
        guard let first = array.shape.first else {
          throw typeError("len() of unsized object")
        }
        return .int(first)
      case .range(let start, let stop, let step):
        let count = Value.rangeCount(start, stop, step)
        if count == .max {
          throw CellError(
            type: "OverflowError", message: "Python int too large to convert to C ssize_t",
            range: range)
        }
        return .int(count)
      case .kerasTensor(let tensor)
      where interpreter.kerasVersion == .keras3 && interpreter.session.lambdaTracingDepth > 0
        && interpreter.session.eagerTraceBatch == nil:
        throw Keras3TracedTensors.lengthError(
          of: tensor, session: interpreter.session, range: range)
      case .kerasTensor(let tensor)
      where interpreter.kerasVersion == .keras2 || interpreter.session.lambdaTracingDepth > 0:
        // Keras 3 runs a call on data eagerly: an eager tensor's len is its first dimension.
        guard interpreter.session.lambdaTracingDepth > 0 else {
          throw typeError(
            "Keras symbolic inputs/outputs do not implement `__len__`. You may be trying to pass TF-Keras symbolic inputs/outputs to a TF API that does not register dispatching, preventing TF-Keras from automatically converting the API call to a lambda layer in the Functional Model. This error will also get raised if you try asserting a symbolic input/output directly."
          )
        }
        // tf-keras runs a custom layer's `call` (and a Lambda's function) through autograph,
        // whose `len` of a tensor with a static first dimension is that size
        // (`len(tf.shape(inputs))` is the rank); otherwise it is a tensor of its own.
        guard let first = tensor.shape.dimensions.first, let size = first else {
          throw .unsupported(
            "ConvBook does not support len() of a tensor whose first dimension is unknown inside a layer's call yet",
            at: range)
        }
        return .int(size)
      case .standard(let dataset as TFDataset): return try dataset.length(range: range)
      case .standard(let strings as NumPyStringArray): return .int(strings.shape[0])
      case .standard(let bytes as PythonBytes): return .int(bytes.bytes.count)
      case .standard(let parameters as SignatureParameters):
        return .int(parameters.signature.parameters.count)
      case .standard(let strings as EagerStringTensor) where !strings.shape.isEmpty:
        return .int(strings.shape[0])
      default:
        guard let count = try interpreter.instanceLength(positional[0], range: range) else {
          throw typeError("object of type '\(positional[0].typeName)' has no len()")
        }
        return .int(count)
      }
    case "slice":
      // `slice(stop)`, `slice(start, stop[, step])`: what `x[start:stop:step]` indexes with.
      guard keywords.isEmpty else { throw typeError("slice() takes no keyword arguments") }
      guard !positional.isEmpty else {
        throw typeError("slice expected at least 1 argument, got 0")
      }
      guard positional.count <= 3 else {
        throw typeError("slice expected at most 3 arguments, got \(positional.count)")
      }
      var bounds: [Int?] = []
      for value in positional {
        switch value {
        case .none: bounds.append(nil)
        case .int(let number): bounds.append(number)
        case .bool(let flag): bounds.append(flag ? 1 : 0)
        default:
          throw .unsupported(
            "ConvBook supports slice() of integers and None only, not of a value of type '\(value.typeName)'",
            at: range)
        }
      }
      if bounds.count == 1 { return .slice(start: nil, stop: bounds[0], step: nil) }
      return .slice(start: bounds[0], stop: bounds[1], step: bounds.count == 3 ? bounds[2] : nil)
    case "range":
      var bounds: [Int] = []
      for value in positional {
        switch value {
        case .int(let number): bounds.append(number)
        case .bool(let flag): bounds.append(flag ? 1 : 0)
        case .bigInt:
          throw .unsupported(
            "ConvBook does not support range() bounds beyond 64-bit integers", at: range)
        default:
          throw typeError("'\(value.typeName)' object cannot be interpreted as an integer")
        }
      }
      switch bounds.count {
      case 1: return .range(start: 0, stop: bounds[0], step: 1)
      case 2: return .range(start: bounds[0], stop: bounds[1], step: 1)
      case 3:
        guard bounds[2] != 0 else {
          throw CellError(
            type: "ValueError", message: "range() arg 3 must not be zero", range: range)
        }
        return .range(start: bounds[0], stop: bounds[1], step: bounds[2])
      default: throw typeError("range expected at most 3 arguments, got \(bounds.count)")
      }
    case "str":
      if let value = positional.first {
        try interpreter.prepareText(value, range: range, as: .str)
        try PythonText.requireKnownText(value, range: range)
      }
      let text = positional.first.map(PythonText.str) ?? ""
      try interpreter.budget.allocate(bytes: text.utf8.count, at: range)
      return .string(text)
    case "repr":
      try exactly(1)
      try interpreter.prepareText(positional[0], range: range, as: .repr)
      try PythonText.requireKnownText(positional[0], asString: false, range: range)
      let text = PythonText.repr(positional[0])
      try interpreter.budget.allocate(bytes: text.utf8.count, at: range)
      return .string(text)
    case "format":
      // `format(value, format_spec='')`: the f-string `{value:spec}`.
      guard keywords.isEmpty else {
        throw typeError("format() takes no keyword arguments")
      }
      guard (1...2).contains(positional.count) else {
        throw typeError(
          "format expected at \(positional.isEmpty ? "least 1 argument" : "most 2 arguments"), got \(positional.count)"
        )
      }
      var spec = ""
      if positional.count == 2 {
        guard case .string(let given) = positional[1] else {
          throw typeError(
            "format() argument 2 must be str, not \(positional[1].typeName)")
        }
        spec = given
      }
      let text = try PythonText.format(
        positional[0], spec: spec, range: range, budget: interpreter.budget)
      return .string(text)
    case "bool":
      if let value = positional.first { try Value.checkTruthValue(value, range: range) }
      return .bool(positional.first?.isTruthy ?? false)
    case "int" where positional.isEmpty && keywords.isEmpty:
      // `int()` is 0 (a `defaultdict(int)` factory); `float()` 0.0.
      return .int(0)
    case "float" where positional.isEmpty && keywords.isEmpty:
      return .float(0)
    case "int" where positional.count == 2 || keywords.contains(where: { $0.0 == "base" }):
      return try MoreBuiltins.integer(
        positional: positional, keywords: keywords, range: range)
    case "int" where StandardEnum.mixedInValue(positional.first ?? .none) != nil,
      "float" where StandardEnum.mixedInValue(positional.first ?? .none) != nil:
      // An `IntEnum` (or `StrEnum`) member converts as its value.
      var given = positional
      given[0] = StandardEnum.mixedInValue(given[0]) ?? .none
      return try call(
        name, positional: given, keywords: keywords, site: site, interpreter: interpreter)
    case "int":
      try exactly(1)
      switch positional[0] {
      case .int, .bigInt: return positional[0]
      case .bool(let flag): return .int(flag ? 1 : 0)
      case .float(let number): return try integer(number, range: range)
      case .string(let text):
        // Python reads any script's decimal digits and strips any whitespace (`int(" ١٢\n")`).
        if let cleaned = PythonText.numeral(text) {
          var digits = Substring(cleaned)
          if digits.first == "+" || digits.first == "-" { digits.removeFirst() }
          if !digits.isEmpty, digits.allSatisfy({ ("0"..."9").contains($0) || $0 == "_" }),
            PythonText.hasValidUnderscores(String(digits))
          {
            let count = digits.filter { $0 != "_" }.count
            if count > PythonInteger.maximumStringDigits {
              throw CellError(
                type: "ValueError", message: PythonInteger.parseLimitMessage(digits: count),
                range: range)
            }
            let plain = cleaned.replacingOccurrences(of: "_", with: "")
            if let number = BigInt(plain, radix: 10) { return PythonInteger.value(number) }
          }
        }
        throw CellError(
          type: "ValueError",
          message: "invalid literal for int() with base 10: \(PythonFormat.quoted(text))",
          range: range)
      default:
        throw typeError(
          "int() argument must be a string, a bytes-like object or a real number, not '\(positional[0].typeName)'"
        )
      }
    case "float":
      try exactly(1)
      switch positional[0] {
      case .int(let number): return .float(Double(number))
      case .bigInt(let number):
        guard let converted = PythonInteger.double(number) else {
          throw CellError(
            type: "OverflowError", message: "int too large to convert to float", range: range)
        }
        return .float(converted)
      case .bool(let flag): return .float(flag ? 1 : 0)
      case .float: return positional[0]
      case .string(let text):
        if let cleaned = PythonText.numeral(text), let number = Self.float(cleaned) {
          return .float(number)
        }
        throw CellError(
          type: "ValueError",
          message: "could not convert string to float: \(PythonFormat.quoted(text))", range: range)
      default:
        throw typeError(
          "float() argument must be a string or a real number, not '\(positional[0].typeName)'")
      }
    case "round":
      guard let first = positional.first else {
        throw typeError("round() missing required argument 'number' (pos 1)")
      }
      var digits: Int?
      if positional.count > 1 {
        switch positional[1] {
        case .none: break
        case .int(let given): digits = given
        case .bool(let flag): digits = flag ? 1 : 0
        // CPython clamps an `ndigits` beyond 64 bits (`PyNumber_AsSsize_t(o, NULL)`): every
        // digit of a float or an integer is kept, or none is.
        case .bigInt(let given): digits = given.signum() < 0 ? Int.min : Int.max
        default:
          throw typeError(
            "'\(positional[1].typeName)' object cannot be interpreted as an integer")
        }
      }
      switch first {
      case .int, .bigInt:
        guard let digits, digits < 0 else { return first }
        // round(1234, -2) is 1200: round half to even at 10**-digits. A number of fewer decimal
        // digits than `scale` is less than half of 10**scale: 0.
        let magnitudeBits =
          if case .bigInt(let big) = first { big.magnitude.bitWidth } else { Int.bitWidth }
        guard digits > Int.min, -digits <= magnitudeBits * 30_103 / 100_000 + 1 else {
          return .int(0)
        }
        let scale = -digits
        let unit = BigInt(10).power(scale)
        let value: BigInt
        if case .int(let small) = first {
          value = BigInt(small)
        } else if case .bigInt(let big) = first {
          value = big
        } else {
          value = 0
        }
        var (quotient, remainder) = PythonInteger.floorDivMod(value, unit)
        let twice = remainder * 2
        if twice > unit
          || (twice == unit && quotient.magnitude.words.first.map { $0 & 1 == 1 } == true)
        {
          quotient += 1
        }
        return PythonInteger.value(quotient * unit)
      case .bool(let flag): return digits == nil ? .int(flag ? 1 : 0) : .int(flag ? 1 : 0)
      case .float(let number):
        if let digits {
          return .float(roundFloat(number, digits: digits))
        }
        return try integer(number.rounded(.toNearestOrEven), range: range)
      default: throw typeError("type \(first.typeName) doesn't define __round__ method")
      }
    case "abs":
      try exactly(1)
      switch positional[0] {
      case .int(let number):
        return number == .min ? .bigInt(BigInt(number.magnitude)) : .int(abs(number))
      case .bigInt(let number): return PythonInteger.value(BigInt(number.magnitude))
      case .bool(let flag): return .int(flag ? 1 : 0)
      case .float(let number): return .float(abs(number))
      case .kerasTensor(let tensor):
        // `abs(x)` calls the tensor's `__abs__`: tf-keras' `tf.math.abs`, Keras 3's `absolute`.
        let keras3 = interpreter.kerasVersion == .keras3
        return .kerasTensor(
          try TensorFunctions.apply(
            .unary(.abs), keras3 ? "absolute" : "tf.math.abs", [tensor], interpreter: interpreter,
            range: range))
      case .array(let array) where array.tensorFlowDType != nil:
        // An eager tensor's `__abs__` is `tf.math.abs`.
        return .array(try EagerMath.unary("Abs", array, range: range))
      case .array, .standard(is NumPyScalar):
        // An array's (a NumPy scalar's) `__abs__` is `np.absolute`.
        return try NumPyArrayFunctions.call(
          "absolute",
          NumPyFunctions.Arguments(
            positional: positional, keywords: [], site: site, function: "absolute",
            path: "numpy.absolute"), budget: interpreter.budget)
      default: throw typeError("bad operand type for abs(): '\(positional[0].typeName)'")
      }
    case "min", "max":
      guard !positional.isEmpty else {
        throw typeError("\(name) expected at least 1 argument, got 0")
      }
      var key: Value?
      var fallback: Value?
      for (label, value) in keywords {
        switch label {
        case "key":
          if case .none = value {} else { key = value }
        case "default" where positional.count == 1: fallback = value
        case "default":
          throw typeError(
            "Cannot specify a default for \(name)() with multiple positional arguments")
        default:
          throw typeError("'\(label)' is an invalid keyword argument for \(name)()")
        }
      }
      let items =
        positional.count == 1 ? try interpreter.iterate(positional[0], range: range) : positional
      guard !items.isEmpty else {
        if let fallback { return fallback }
        throw CellError(
          type: "ValueError", message: "\(name)() arg is an empty sequence", range: range)
      }
      let keys = try ContainerMethods.keyed(items, key: key, site: site, interpreter: interpreter)
      var best = 0
      for index in items.indices.dropFirst() {
        try interpreter.step(at: range)
        let operation: ComparisonOperator = name == "min" ? .less : .greater
        let better: Bool
        if let result = try interpreter.instanceComparison(
          operation, keys[index], keys[best], range: range)
        {
          better = result
        } else {
          better = try Operators.compare(operation, keys[index], keys[best], range: range)
        }
        if better { best = index }
      }
      return items[best]
    case "sum":
      guard let first = positional.first else {
        throw typeError("sum() takes at least 1 positional argument (0 given)")
      }
      var total: Value = positional.count > 1 ? positional[1] : .int(0)
      try interpreter.forEach(first, range: range) { item throws(CellError) in
        try interpreter.step(at: range)
        // `+` as an expression computes it: `sum(np.prod(w.shape) for w in weights)` is int64.
        total = try interpreter.binary(.add, total, item, range: range)
        return true
      }
      return total
    case "set", "frozenset":
      return try SetOperations.make(
        name, positional: positional, keywords: keywords, range: range, interpreter: interpreter)
    case "list":
      return .list(positional.isEmpty ? [] : try interpreter.iterate(positional[0], range: range))
    case "tuple":
      return .tuple(positional.isEmpty ? [] : try interpreter.iterate(positional[0], range: range))
    case "sorted":
      guard let first = positional.first else {
        throw typeError("sorted expected 1 argument, got 0")
      }
      guard positional.count == 1 else {
        throw typeError("sorted expected 1 argument, got \(positional.count)")
      }
      let (key, reverse) = try ContainerMethods.sortOptions(
        keywords, function: "sort", range: range)
      return .list(
        try ContainerMethods.sorted(
          try interpreter.iterate(first, range: range), key: key, reverse: reverse, site: site,
          interpreter: interpreter))
    case "enumerate":
      guard let first = positional.first else {
        throw typeError("enumerate() missing required argument 'iterable'")
      }
      var start = BigInt(0)
      if let given = positional.count > 1
        ? positional[1] : keywords.first(where: { $0.0 == "start" })?.1
      {
        switch given {
        case .int(let given): start = BigInt(given)
        case .bigInt(let given): start = given
        default: break
        }
      }
      return .list(
        try interpreter.iterate(first, range: range).enumerated().map {
          .tuple([PythonInteger.value(start + BigInt($0.offset)), $0.element])
        })
    case "zip":
      if let (label, _) = keywords.first {
        if label == "strict" {
          throw .unsupported("ConvBook does not support zip(..., strict=) yet", at: range)
        }
        throw typeError("zip() got an unexpected keyword argument '\(label)'")
      }
      return try LazyBuiltins.zip(positional, site: site, interpreter: interpreter)
    case "eval":
      return try evaluateString(
        positional, keywords: keywords, range: range, interpreter: interpreter)
    case "type":
      // Python's type() takes the object, or (name, bases, namespace) to make a class.
      if positional.count == 3 {
        throw .unsupported(
          "ConvBook does not support making a class with `type(name, bases, namespace)` yet",
          at: range)
      }
      guard positional.count == 1 else { throw typeError("type() takes 1 or 3 arguments") }
      guard keywords.isEmpty else { throw typeError("type() takes no keyword arguments") }
      // A custom layer or model in a graph (`model.layers[1]`) is an instance of the script's class.
      if let object = KerasSubclassing.customLayer(positional[0], session: interpreter.session) {
        return typeValue(of: .instance(object))
      }
      return RuntimeTypeNames.typeValue(of: positional[0], session: interpreter.session)
        ?? typeValue(of: positional[0])
    case "hasattr", "getattr":
      guard positional.count >= 2, keywords.isEmpty, case .string(let attribute) = positional[1]
      else {
        if positional.count >= 2, keywords.isEmpty {
          throw typeError("attribute name must be string, not '\(positional[1].typeName)'")
        }
        throw typeError(
          "\(name) expected \(name == "hasattr" ? "2 arguments" : "at least 2 arguments"), got \(positional.count)"
        )
      }
      do {
        let value = try Attributes.get(
          attribute, of: positional[0], range: range, interpreter: interpreter)
        return name == "hasattr" ? .bool(true) : value
      } catch  where error.type == "AttributeError" {
        // Python's `hasattr` is `getattr` with AttributeError meaning False; getattr has a default.
        if name == "hasattr" { return .bool(false) }
        if positional.count > 2 { return positional[2] }
        throw error
      } catch  where error.type == nil && name == "hasattr" {
        // A name the Keras module or model has but ConvBook does not model
        // (`hasattr(keras.applications, "RegNetX002")` under tf-keras, `hasattr(model,
        // "predict_generator")`) is there all the same.
        if case .model(let model) = positional[0] {
          let names = Attributes.modelAttributeNames(of: model, interpreter: interpreter)
          guard names.contains(attribute) else { throw error }
          return .bool(true)
        }
        guard case .module(let module) = positional[0] else { throw error }
        let version = interpreter.kerasVersion
        let names =
          version == .keras3
          ? module.recordedNames(in: version)
          : module.apiKey.flatMap { KerasAPINames.names[$0] }
        guard names?.contains(attribute) == true else { throw error }
        return .bool(true)
      }
    case "isinstance":
      guard positional.count == 2, keywords.isEmpty else {
        throw typeError("isinstance expected 2 arguments, got \(positional.count)")
      }
      if let answer = try ClassBuiltins.isInstance(
        positional[0], positional[1], range: range, interpreter: interpreter)
      {
        return .bool(answer)
      }
      let positional = [positional[0], ClassBuiltins.withoutOwnClasses(positional[1])]
      func classes(_ value: Value) throws(CellError) -> [String] {
        switch value {
        case .function(let callable):
          if case .builtin(let typeName) = callable.kind,
            ["int", "float", "str", "bool", "list", "tuple", "dict", "set", "frozenset"].contains(
              typeName)
              || exceptionBases[typeName] != nil
          {
            return [typeName]
          }
          // Keras' classes, as `keras:NAME` (no Python type has a colon in its name); tf-keras'
          // in a Keras 3 session as `tf_keras:NAME` (`KerasPackages`).
          let keras = KerasPackages.classPrefix(callable.kerasVersion, interpreter: interpreter)
          switch callable.kind {
          case .layerClass(let className): return [keras + className]
          case .sequentialClass: return [keras + "Sequential"]
          case .modelClass: return [keras + "Model"]
          case .unsupportedModelClass("Layer"): return [keras + "Layer"]
          default: break
          }
          if case .builtin(StandardJSON.decodeError) = callable.kind {
            return [StandardJSON.decodeError]
          }
          // TensorFlow's and NumPy's classes (`tf.Tensor`, `EagerTensor`, `np.ndarray`), as
          // `tf:PATH` (`TensorFlowClasses`).
          if let path = TensorFlowClasses.classPath(of: callable) { return ["tf:" + path] }
          // NumPy's scalar types (`np.float32`), as `numpy:DTYPE`.
          if case .builtin(let path) = callable.kind, path.hasPrefix("numpy."),
            let dtype = NDArray.DType(name: String(path.dropFirst(6))),
            NumPyFunctions.dtypeNames.contains(String(path.dropFirst(6)))
          {
            return ["numpy:" + dtype.rawValue]
          }
          throw .unsupported(
            "ConvBook's isinstance() knows Python's int, float, str, bool, list, tuple and dict and Keras' layer and model classes, not \(callable.path)",
            at: range)
        case .tuple(let items):
          var names: [String] = []
          for item in items { names += try classes(item) }
          return names
        case .standard(let type as StandardClass):
          // `collections.abc.Sequence` apart from a same-named class elsewhere.
          return [
            type.module == StandardCollectionsABC.module ? type.module + "." + type.name : type.name
          ]
        case .standard(let type as NamedTupleType): return ["namedtuple:" + type.name]
        case .standard(is NumPyDTypeClass): return ["numpy:dtype"]
        default:
          throw typeError(
            "isinstance() arg 2 must be a type, a tuple of types, or a union")
        }
      }
      let wanted = try classes(positional[1])
      if TensorFlowClasses.classPaths(of: positional[0], session: interpreter.session).contains(
        where: { wanted.contains("tf:" + $0) })
      {
        return .bool(true)
      }
      if let answer = try StandardCollectionsABC.isInstance(positional[0], of: wanted, range: range)
      {
        return .bool(answer)
      }
      // Every dtype is an `np.dtype` (of its own subclass, `numpy.dtypes.Float32DType`).
      if case .standard(is NumPyDType) = positional[0] {
        return .bool(wanted.contains("numpy:dtype"))
      }
      if case .standard(let scalar as NumPyScalar) = positional[0] {
        // np.float64 subclasses Python's float; NumPy's other scalars are no Python numbers.
        return .bool(
          wanted.contains("numpy:" + scalar.dtype.rawValue)
            || scalar.dtype == .float64 && wanted.contains("float"))
      }
      var actual = positional[0].typeName
      // bool is a subclass of int; np.str_ of str.
      if actual == "bool" && wanted.contains("int") { actual = "int" }
      if case .standard(is NumPyString) = positional[0], wanted.contains("str") { actual = "str" }
      // The classes of `collections` are dicts and lists; a namedtuple is a tuple.
      switch positional[0] {
      case .dictionary where wanted.contains("dict"): actual = "dict"
      case .dictionary(let dictionary) where wanted.contains("OrderedDict"):
        // Counter and defaultdict are no OrderedDicts.
        if case .ordered = dictionary.flavor { actual = "OrderedDict" }
      case .standard(let namespace as Namespace) where namespace.isSimple:
        actual = "SimpleNamespace"
      case .standard(let path as PythonPath):
        return .bool(path.classNames.contains(where: wanted.contains))
      case .standard(let instance as NamedTupleInstance):
        if wanted.contains("tuple") { return .bool(true) }
        return .bool(wanted.contains("namedtuple:" + instance.type.name))
      default: break
      }
      if case .exception(let exception) = positional[0] {
        // An exception is an instance of its class and of each base class.
        var current: String? = exception.type
        while let type = current, !type.isEmpty {
          if wanted.contains(type) { return .bool(true) }
          current = exceptionBases[type]
        }
        return .bool(false)
      }
      let keras = KerasPackages.classPrefix(
        interpreter.session.package(of: positional[0]), interpreter: interpreter)
      switch positional[0] {
      case .layer(let instance):
        return .bool(
          wanted.contains(keras + instance.className) || wanted.contains(keras + "Layer"))
      case .model(let model):
        // Sequential and Functional are Models, and every Model is a Layer.
        return .bool(
          [keras + model.className, keras + "Model", keras + "Layer"].contains(
            where: wanted.contains))
      default: return .bool(wanted.contains(actual))
      }
    case "no effect":
      return .none
    case "time.sleep":
      // Waiting changes nothing a script prints: checked as CPython checks it, then skipped.
      guard positional.count == 1, keywords.isEmpty else {
        throw typeError(
          keywords.isEmpty
            ? "time.sleep() takes exactly one argument (\(positional.count) given)"
            : "time.sleep() takes no keyword arguments")
      }
      let seconds: Double
      switch NumPyScalar.number(positional[0]) {
      case .int(let number): seconds = Double(number)
      case .bool(let flag): seconds = flag ? 1 : 0
      case .float(let number): seconds = number
      default:
        throw typeError("'\(positional[0].typeName)' object cannot be interpreted as an integer")
      }
      if seconds.isNaN {
        throw CellError(
          type: "ValueError", message: "Invalid value NaN (not a number)", range: range)
      }
      // CPython counts the wait in nanoseconds of a 64-bit integer.
      if seconds * 1e9 >= 9.223_372_036_854_775_807e18 {
        throw CellError(
          type: "OverflowError", message: "timestamp out of range for platform time_t",
          range: range)
      }
      if seconds < 0 {
        throw CellError(
          type: "ValueError", message: "sleep length must be non-negative", range: range)
      }
      return .none
    case _ where StandardWarnings.functions.contains(name):
      return try StandardWarnings.call(
        name, positional: positional, keywords: keywords, site: site, interpreter: interpreter)
    case "vars":
      try exactly(1)
      if case .standard(let namespace as Namespace) = positional[0] {
        return .dictionary(namespace.dictionary)
      }
      if case .instance(let instance) = positional[0], instance.layerState == nil {
        // The instance's attributes in the order first set.
        return .dictionary(instance.namespace)
      }
      throw .unsupported(
        "ConvBook's vars() knows argparse namespaces and plain objects, and of a Keras object `vars(self)[name]` and `vars(self)[name] = value`, not other uses of a \(positional[0].typeName)'s",
        at: range)
    case "chr", "ord", "divmod", "pow", "callable", "hex", "bin", "oct", "id":
      return try MoreBuiltins.call(
        name, positional: positional, keywords: keywords, site: site, interpreter: interpreter)
    case "iter":
      if positional.count == 2, keywords.isEmpty {
        return try LazyBuiltins.callableIterator(positional, site: site, interpreter: interpreter)
      }
      try exactly(1)
      return try PythonIterator.over(positional[0], interpreter: interpreter, range: range)
    case "next":
      guard (1...2).contains(positional.count), keywords.isEmpty else {
        throw typeError("next expected at least 1 argument, got \(positional.count)")
      }
      guard case .standard(let object) = positional[0], object.isIterator else {
        throw typeError("'\(positional[0].typeName)' object is not an iterator")
      }
      if let item = try object.next(interpreter: interpreter, range: range) { return item }
      if positional.count == 2 { return positional[1] }
      // A generator's StopIteration carries what it returned.
      if let generator = object as? PythonGenerator { throw generator.stopIteration(at: range) }
      throw CellError(type: "StopIteration", message: "", range: range)
    case let random where random.hasPrefix("nprandom "):
      return try NumPyRandom.call(
        String(random.dropFirst(9)), positional: positional, keywords: keywords, site: site,
        interpreter: interpreter)
    case let scalar where scalar.hasPrefix("scalar "):
      return try NumPyScalars.call(
        String(scalar.dropFirst(7)), positional: positional, keywords: keywords, site: site,
        interpreter: interpreter)
    case "map":
      guard positional.count >= 2, keywords.isEmpty else {
        if !keywords.isEmpty { throw typeError("map() takes no keyword arguments") }
        throw typeError("map() must have at least two arguments.")
      }
      return try LazyBuiltins.map(positional, site: site, interpreter: interpreter)
    case "filter":
      if !keywords.isEmpty { throw typeError("filter() takes no keyword arguments") }
      guard positional.count == 2 else {
        throw typeError("filter expected 2 arguments, got \(positional.count)")
      }
      return try LazyBuiltins.filter(positional, site: site, interpreter: interpreter)
    case "any", "all":
      try exactly(1)
      var result = name == "all"
      try interpreter.forEach(positional[0], range: range) { item throws(CellError) in
        try interpreter.step(at: range)
        if item.isTruthy == (name == "any") {
          result = name == "any"
          return false
        }
        return true
      }
      return .bool(result)
    case "reversed":
      try exactly(1)
      switch positional[0] {
      case .list, .tuple: return .list(positional[0].sequenceItems!.reversed())
      case .range, .string, .dictionary:
        // A dict reverses its keys (Python 3.8+).
        return .list(try interpreter.iterate(positional[0], range: range).reversed())
      default:
        throw typeError("'\(positional[0].typeName)' object is not reversible")
      }
    case "dict":
      var pairs: [(Value, Value)] = []
      func put(_ key: Value, _ value: Value) {
        if let index = pairs.firstIndex(where: { Operators.equal($0.0, key) }) {
          pairs[index].1 = value
        } else {
          pairs.append((key, value))
        }
      }
      if let first = positional.first {
        if case .dictionary(let existing) = first {
          for (key, value) in existing { put(key, value) }
        } else if case .standard(let parameters as SignatureParameters) = first {
          for (key, value) in parameters.pairs { put(key, value) }
        } else {
          for item in try interpreter.iterate(first, range: range) {
            let pair = try interpreter.iterate(item, range: range)
            guard pair.count == 2 else {
              throw CellError(
                type: "ValueError",
                message:
                  "dictionary update sequence element #\(pairs.count) has length \(pair.count); 2 is required",
                range: range)
            }
            put(pair[0], pair[1])
          }
        }
      }
      for (label, value) in keywords { put(.string(label), value) }
      try interpreter.budget.allocate(slots: pairs.count * 2, at: range)
      return .dictionary(pairs)
    case "keras.backend.image_data_format":
      try exactly(0)
      return .string("channels_last")
    case "keras.backend.backend":
      // The backend ConvBook's models stand for (both Keras versions run on TensorFlow here).
      try exactly(0)
      return .string("tensorflow")
    case "keras.backend.get_uid":
      // `get_uid(prefix="")` in both Kerases.
      guard positional.count + keywords.count <= 1,
        keywords.allSatisfy({ $0.0 == "prefix" })
      else {
        throw .unsupported(
          "ConvBook supports keras.backend.get_uid(prefix) with one argument only", at: range)
      }
      guard case .string(let prefix) = positional.first ?? keywords.first?.1 ?? .string("") else {
        throw .unsupported(
          "ConvBook supports keras.backend.get_uid of a string prefix only", at: range)
      }
      return .int(interpreter.kerasNames.nextUID(prefix))
    case "keras.backend.floatx":
      try exactly(0)
      return .string("float32")
    case "keras.backend.cast_to_floatx":
      // `np.asarray(x, dtype=floatx())`: a NumPy float32 array (0-d for a number), in both Kerases.
      try exactly(1)
      return try NumPyFunctions.call(
        "asarray", positional: positional, keywords: [("dtype", .string("float32"))], site: site,
        budget: interpreter.budget)
    case "keras.backend.set_image_data_format":
      try exactly(1)
      guard case .string(let format) = positional[0], format == "channels_last" else {
        throw .unsupported(
          "ConvBook does not support changing the image data format: its layers use Keras' default, channels_last",
          at: range)
      }
      return .none
    case "keras.backend.int_shape":
      try exactly(1)
      switch positional[0] {
      case .kerasTensor(let tensor): return Attributes.shapeValue(tensor.shape)
      // A weight's shape (`K.int_shape(layer.kernel)`) and an array's, as a tuple of ints.
      case .variable(let variable): return .tuple(variable.shape.map(Value.int))
      case .array(let array): return .tuple(array.shape.map(Value.int))
      default:
        throw .unsupported(
          "ConvBook's keras.backend.int_shape() takes a Keras tensor, not \(positional[0].typeName)",
          at: range)
      }
    case "keras.backend.is_keras_tensor":
      try exactly(1)
      return try isKerasTensor(positional[0], kerasVersion: interpreter.kerasVersion, range: range)
    case "keras.Sequential.from_config":
      guard let config = positional.first ?? keywords.first(where: { $0.0 == "config" })?.1,
        positional.count + keywords.count == 1
      else {
        throw typeError("Sequential.from_config() missing 1 required positional argument: 'config'")
      }
      return try ModelConfig.sequential(from: config, site: site, interpreter: interpreter)
    case "keras.layers.from_config":
      guard positional.count == 2, keywords.isEmpty, case .string(let className) = positional[0],
        case .dictionary(let config) = positional[1]
      else {
        throw .unsupported(
          "ConvBook's Layer.from_config() takes the dict get_config() returns", at: range)
      }
      return try ModelConfig.layer(className, config: config, site: site, interpreter: interpreter)
    case "keras.Model.from_config":
      // `Model.from_config(config, custom_objects=None)`.
      guard let config = positional.first ?? keywords.first(where: { $0.0 == "config" })?.1
      else {
        throw typeError("Model.from_config() missing 1 required positional argument: 'config'")
      }
      var customObjects: PythonDict?
      for (label, value) in keywords where label != "config" {
        guard label == "custom_objects", positional.count + keywords.count <= 2 else {
          throw typeError("Model.from_config() got an unexpected keyword argument '\(label)'")
        }
        if case .dictionary(let dict) = value { customObjects = dict }
      }
      // `custom_objects` name the script's classes the config refers to, as a scope would.
      let session = interpreter.session
      if let customObjects {
        session.customObjectScopes.append(CustomObjects.Scope(dicts: [customObjects]))
      }
      defer { if customObjects != nil { session.customObjectScopes.removeLast() } }
      return try FunctionalFromConfig.model(from: config, site: site, interpreter: interpreter)
    case "keras.backend.get_value":
      try exactly(1)
      switch positional[0] {
      case .standard(let variable as LearningRateVariable): return try variable.scalar(range: range)
      case .variable, .standard(is EagerVariable):
        return try Methods.call(
          "numpy", on: positional[0], positional: [], keywords: [], site: site,
          interpreter: interpreter)
      // An eager tensor's NumPy array (`x.numpy()`); NumPy's own array comes back as it is.
      case .array(let array):
        return array.tensorFlowDType != nil ? EagerTensors.numpy(array) : positional[0]
      default:
        throw .unsupported(
          "ConvBook's keras.backend.get_value() takes a variable (a weight or an optimizer's learning rate), not \(positional[0].typeName)",
          at: range)
      }
    case "keras.backend.set_value":
      try exactly(2)
      if interpreter.kerasVersion == .keras3 {
        // The legacy `set_value` of Keras 3's `tf.keras.backend` reads `x.dtype.name`, and a
        // Keras 3 variable's dtype is a string.
        throw CellError(
          type: "AttributeError", message: "'str' object has no attribute 'name'", range: range)
      }
      switch positional[0] {
      case .standard(let variable as LearningRateVariable):
        try variable.assign(positional[1], range: range)
      case .variable:
        _ = try Methods.call(
          "assign", on: positional[0], positional: [positional[1]], keywords: [], site: site,
          interpreter: interpreter)
      default:
        throw .unsupported(
          "ConvBook's keras.backend.set_value() takes a variable (a weight or an optimizer's learning rate), not \(positional[0].typeName)",
          at: range)
      }
      return .none
    case "keras.backend.count_params":
      // `np.prod(x.shape)`: the number of values of a weight (or of a tensor with a known shape).
      try exactly(1)
      return try WeightValues.countParams(positional[0], range: range)
    case "os.getenv":
      guard case .string(let key)? = positional.first else {
        throw typeError("str expected, not \(positional.first?.typeName ?? "nothing")")
      }
      return interpreter.session.environment.first { Operators.equal($0.0, .string(key)) }?.1
        ?? (positional.count > 1 ? positional[1] : .none)
    case "os.getcwd":
      if !positional.isEmpty || !keywords.isEmpty {
        throw typeError(
          keywords.isEmpty
            ? "posix.getcwd() takes no arguments (\(positional.count) given)"
            : "posix.getcwd() takes no keyword arguments")
      }
      return .string(PosixPath.workingDirectory)
    case "os.path.exists", "os.path.isdir", "os.path.isfile":
      return try MissingFiles.pathTest(
        String(name.dropFirst(8)), positional: positional, keywords: keywords,
        session: interpreter.session, range: range)
    case "matplotlib.rc":
      return try MatplotlibSettings.rc(positional: positional, keywords: keywords, range: range)
    case "matplotlib.use":
      return try MatplotlibSettings.useBackend(
        positional: positional, keywords: keywords, range: range)
    case "importlib.import_module":
      return try ScriptModuleImport.call(
        "importlib.import_module", positional: positional, keywords: keywords, site: site,
        interpreter: interpreter)
    case "matplotlib.style.use":
      return try MatplotlibSettings.useStyle(
        positional: positional, keywords: keywords, range: range)
    case "pandas.set_option":
      return try PandasOptions.setOption(positional: positional, keywords: keywords, range: range)
    case "os.makedirs":
      return try MadeFolders.makedirs(
        positional: positional, keywords: keywords, session: interpreter.session, range: range)
    case "os.mkdir":
      return try MadeFolders.mkdir(
        positional: positional, keywords: keywords, session: interpreter.session, range: range)
    case "os.walk":
      return try MissingFiles.walk(
        positional: positional, keywords: keywords, session: interpreter.session, range: range)
    case "os.listdir":
      return try MissingFiles.listdir(
        positional: positional, keywords: keywords, session: interpreter.session, range: range)
    case let pathFunction where pathFunction.hasPrefix("os.path."):
      var parts: [String] = []
      for value in positional {
        // `os.fspath`: a str, or a `pathlib` path's text.
        guard let text = PythonPath.pathText(value) else {
          throw typeError("expected str, bytes or os.PathLike object, not \(value.typeName)")
        }
        parts.append(text)
      }
      let function = String(pathFunction.dropFirst(8))
      guard function == "join" ? !parts.isEmpty : parts.count == 1 else {
        throw typeError("\(function)() takes exactly one argument (\(parts.count) given)")
      }
      return PosixPath.call(function, parts)
    case "functools.partial":
      guard let callee = positional.first else {
        throw typeError("type 'partial' takes at least one argument")
      }
      switch callee {
      case .function, .method, .layer, .model: break
      default: throw typeError("the first argument must be callable")
      }
      return .function(
        Callable(
          .partial(
            Callable.PartialApplication(
              callee: callee, positional: Array(positional.dropFirst()), keywords: keywords)),
          path: "functools.partial"))
    case let function where function.hasPrefix("functools."):
      return try StandardFunctools.call(
        String(function.dropFirst(10)), positional: positional, keywords: keywords, site: site,
        interpreter: interpreter)
    case let math where math.hasPrefix("math."):
      return try mathFunction(
        String(math.dropFirst(5)), positional, range: range, interpreter: interpreter)
    case let exception where exceptionBases[exception] != nil:
      if let (label, _) = keywords.first {
        throw typeError("\(exception)() takes no keyword arguments (got '\(label)')")
      }
      return .exception(PythonException(type: exception, arguments: positional))
    case let function
    where function.hasPrefix("keras.utils.")
      && CustomObjects.functions.contains(String(function.dropFirst(12))):
      return try CustomObjects.call(
        String(function.dropFirst(12)), positional: positional, keywords: keywords, site: site,
        interpreter: interpreter)
    case "keras.utils.get_file":
      throw .unsupported(
        "ConvBook does not support `keras.utils.get_file`: cells do not download files", at: range)
    case "keras.utils.get_source_inputs":
      // Keras' walk back from a tensor to the inputs of its graph; anything else is returned as is.
      guard positional.count == 1, keywords.isEmpty else {
        throw .unsupported(
          "ConvBook's keras.utils.get_source_inputs() takes one tensor (no layer or node_index)",
          at: range)
      }
      guard case .kerasTensor(let tensor) = positional[0] else { return positional[0] }
      return .list(PythonList(tensor.sourceInputs.map { .kerasTensor($0) }))
    case "plot_model":
      return try PlotModel.call(
        positional: positional, keywords: keywords, site: site, interpreter: interpreter)
    case _ where PlotModel.isLegacy(name):
      return try PlotModel.callLegacy(
        name, positional: positional, keywords: keywords, site: site, interpreter: interpreter)
    default:
      throw CellError(type: "NameError", message: "name '\(name)' is not defined", range: range)
    }
  }

  /// `type(x)`: the class itself where ConvBook has it (`type(layer)(...)` makes another layer), else
  /// a class that only tells its name (`type(x).__name__`).
  static func typeValue(of value: Value) -> Value {
    let name = value.typeName
    switch value {
    case .instance(let instance):
      return .function(Callable(.userClass(instance.type), path: instance.type.name))
    case .layer(let instance) where LayerCatalog.entries[instance.className] != nil:
      return .function(Callable(.layerClass(instance.className), path: "keras.layers." + name))
    case .model(let model) where model.className == "Sequential":
      return .function(Callable(.sequentialClass, path: "keras.Sequential"))
    case .model:
      return .function(Callable(.modelClass, path: "keras." + name))
    case .array(let array):
      // NumPy's and TensorFlow's classes print with their modules: `<class 'numpy.ndarray'>`.
      return TensorFlowClasses.classValue(
        array.tensorFlowDType == nil
          ? TensorFlowClasses.ndarrayPath : TensorFlowClasses.eagerTensorPath)
    case .standard(let variable as EagerVariable): return TensorFlowClasses.variableClass(variable)
    case .standard(let object) where object.typeName == "EagerTensor":
      return TensorFlowClasses.classValue(TensorFlowClasses.eagerTensorPath)
    case .standard(is NumPyScalar):
      return .function(Callable(.unsupportedModelClass(name), path: "numpy." + name))
    case .standard(let dtype as NumPyDType):
      return .function(Callable(.unsupportedModelClass(name), path: dtype.className))
    case .standard(let layer as any KerasDataLayer):
      return .function(Callable(.unsupportedModelClass(name), path: layer.classPath))
    // A namedtuple's instances are of the class `namedtuple` made.
    case .standard(let instance as NamedTupleInstance): return .standard(instance.type)
    // The classes `abc.ABCMeta` made are its instances.
    case .standard(is ABCBaseClass): return .standard(ABCMetaClass())
    case .function(let callable) where callable.isAbstractBaseClass:
      return .standard(ABCMetaClass())
    default:
      if names.contains(name) || exceptionBases[name] != nil {
        return .function(Callable(.builtin(name), path: name))
      }
      return .function(Callable(.unsupportedModelClass(name), path: name))
    }
  }

  /// `int(x)` of a float: truncated toward zero, exact at any size.
  static func integer(_ number: Double, range: SourceRange) throws(CellError) -> Value {
    if number.isNaN {
      throw CellError(
        type: "ValueError", message: "cannot convert float NaN to integer", range: range)
    }
    if number.isInfinite {
      throw CellError(
        type: "OverflowError", message: "cannot convert float infinity to integer", range: range)
    }
    if let small = Int(exactly: number.rounded(.towardZero)) { return .int(small) }
    return PythonInteger.value(BigInt(number.rounded(.towardZero)))
  }

  /// `round(x, digits)` of a float, as CPython's `double_round`: the correctly rounded decimal
  /// string, read back.
  static func roundFloat(_ number: Double, digits: Int) -> Double {
    guard number.isFinite else { return number }
    if digits > 323 { return number }
    if digits < -308 { return Double(signOf: number, magnitudeOf: 0) }
    if digits >= 0 {
      let text = String(format: "%.\(digits)f", number)
      return Double(text) ?? number
    }
    let scale = Foundation.pow(10.0, Double(-digits))
    let scaled = (number / scale).rounded(.toNearestOrEven)
    let result = scaled * scale
    return result.isFinite ? result : number
  }

  /// `math`'s functions of one real number computed by the C library (as CPython computes them),
  /// with whether an infinite result from a finite argument is an overflow (else a domain error).
  static let mathOfOneReal: [String: (function: @Sendable (Double) -> Double, canOverflow: Bool)] =
    [
      "sin": (Foundation.sin, false), "cos": (Foundation.cos, false),
      "tan": (Foundation.tan, false), "asin": (Foundation.asin, false),
      "acos": (Foundation.acos, false), "atan": (Foundation.atan, false),
      "sinh": (Foundation.sinh, true), "cosh": (Foundation.cosh, true),
      "tanh": (Foundation.tanh, false), "asinh": (Foundation.asinh, false),
      "acosh": (Foundation.acosh, false), "atanh": (Foundation.atanh, false),
      "expm1": (Foundation.expm1, true), "log1p": (Foundation.log1p, false),
      "degrees": ({ $0 * (180.0 / Double.pi) }, false),
      "radians": ({ $0 * (Double.pi / 180.0) }, false),
    ]

  /// The functions of Python's `math` that size computations use, with its error messages.
  static func mathFunction(
    _ name: String, _ positional: [Value], range: SourceRange, interpreter: Interpreter
  ) throws(CellError) -> Value {
    func real(_ value: Value) throws(CellError) -> Double {
      guard let number = Operators.Number(value) else {
        throw CellError(
          type: "TypeError", message: "must be real number, not \(value.typeName)", range: range)
      }
      return try number.double(range)
    }
    func domainError() -> CellError {
      CellError(type: "ValueError", message: "math domain error", range: range)
    }
    if let value = try PythonIntegerMath.call(name, positional, range: range) { return value }
    let arity =
      [
        "log": 1...2, "prod": 1...1, "fsum": 1...1, "isclose": 2...2, "atan2": 2...2,
        "copysign": 2...2,
      ][name]
      ?? (name == "hypot" ? 0...Int.max : 1...1)
    if arity == 2...2 && name != "isclose" && positional.count != 2 {
      throw CellError(
        type: "TypeError", message: "\(name) expected 2 arguments, got \(positional.count)",
        range: range)
    }
    guard arity.contains(positional.count) else {
      throw CellError(
        type: "TypeError",
        message: arity.count == 1
          ? "math.\(name)() takes exactly one argument (\(positional.count) given)"
          : "\(name) expected at most \(arity.upperBound) arguments, got \(positional.count)",
        range: range)
    }
    if let (function, canOverflow) = mathOfOneReal[name] {
      // CPython's `math_1`: a NaN from a number is a domain error, an infinity from a finite
      // number a range error where the function can overflow, else a domain error.
      let x = try real(positional[0])
      let result = function(x)
      if result.isNaN && !x.isNaN { throw domainError() }
      if result.isInfinite && x.isFinite {
        if canOverflow {
          throw CellError(type: "OverflowError", message: "math range error", range: range)
        }
        throw domainError()
      }
      return .float(result)
    }
    switch name {
    case "atan2": return .float(Foundation.atan2(try real(positional[0]), try real(positional[1])))
    case "copysign":
      return .float(Double(signOf: try real(positional[1]), magnitudeOf: try real(positional[0])))
    case "hypot":
      // CPython scales by the largest magnitude; for two values that is the C library's hypot.
      var values: [Double] = []
      for value in positional { values.append(try real(value)) }
      if values.contains(where: \.isInfinite) { return .float(.infinity) }
      if values.count == 2 { return .float(Foundation.hypot(values[0], values[1])) }
      if values.count == 1 { return .float(abs(values[0])) }
      if values.isEmpty { return .float(0) }
      throw .unsupported("ConvBook's math.hypot takes one or two values", at: range)
    case "isnan": return .bool(try real(positional[0]).isNaN)
    case "isinf": return .bool(try real(positional[0]).isInfinite)
    case "isfinite": return .bool(try real(positional[0]).isFinite)
    case "floor", "ceil", "trunc":
      switch positional[0] {
      case .int, .bigInt: return positional[0]
      case .bool(let flag): return .int(flag ? 1 : 0)
      default:
        let x = try real(positional[0])
        let rounded =
          name == "floor"
          ? x.rounded(.down) : name == "ceil" ? x.rounded(.up) : x.rounded(.towardZero)
        return try integer(rounded, range: range)
      }
    case "sqrt":
      let x = try real(positional[0])
      guard x >= 0 || x.isNaN else { throw domainError() }
      return .float(x.squareRoot())
    case "fabs": return .float(abs(try real(positional[0])))
    case "exp":
      let x = try real(positional[0])
      let result = Foundation.exp(x)
      if result.isInfinite && x.isFinite {
        throw CellError(type: "OverflowError", message: "math range error", range: range)
      }
      return .float(result)
    case "log", "log2", "log10":
      let x = try real(positional[0])
      guard x > 0 || x.isNaN else { throw domainError() }
      switch name {
      case "log2": return .float(Foundation.log2(x))
      case "log10": return .float(Foundation.log10(x))
      default:
        guard positional.count == 2 else { return .float(Foundation.log(x)) }
        let base = try real(positional[1])
        guard base > 0 else { throw domainError() }
        guard base != 1 else {
          throw CellError(
            type: "ZeroDivisionError", message: "float division by zero", range: range)
        }
        return .float(Foundation.log(x) / Foundation.log(base))
      }
    case "prod":
      var product: Value = .int(1)
      try interpreter.forEach(positional[0], range: range) { item throws(CellError) in
        try interpreter.step(at: range)
        product = try Operators.binary(
          .multiply, product, item, range: range, budget: interpreter.budget)
        return true
      }
      return product
    case "fsum":
      var values: [Double] = []
      try interpreter.forEach(positional[0], range: range) { item throws(CellError) in
        try interpreter.step(at: range)
        values.append(try real(item))
        return true
      }
      return .float(try fsum(values, range: range))
    case "isclose":
      let a = try real(positional[0])
      let b = try real(positional[1])
      if a == b { return .bool(true) }
      if a.isInfinite || b.isInfinite { return .bool(false) }
      let difference = abs(b - a)
      return .bool(difference <= abs(1e-09 * b) || difference <= abs(1e-09 * a))
    default:
      throw CellError(
        type: "AttributeError", message: "module 'math' has no attribute '\(name)'", range: range)
    }
  }
}

/// `posixpath`'s string functions, as Python computes them.
enum PosixPath {
  /// What `os.getcwd()` returns: a fixed placeholder, not the machine's working directory, so
  /// that a script prints the same text wherever it runs (ConvBook's cells reach no files; paths
  /// built on it, such as a checkpoint folder, are only strings).
  static let workingDirectory = "/convbook"

  /// `os.path.normpath`: collapses `//`, `.` and `a/..` (POSIX keeps a leading `//`).
  static func normalized(_ path: String) -> String {
    if path.isEmpty { return "." }
    let leading = path.hasPrefix("//") && !path.hasPrefix("///") ? 2 : (path.hasPrefix("/") ? 1 : 0)
    var parts: [Substring] = []
    for part in path.split(separator: "/") where part != "." {
      if part != ".." || (leading == 0 && parts.isEmpty) || parts.last == ".." {
        parts.append(part)
      } else if !parts.isEmpty {
        parts.removeLast()
      }
    }
    let joined = String(repeating: "/", count: leading) + parts.joined(separator: "/")
    return joined.isEmpty ? "." : joined
  }

  static func call(_ function: String, _ parts: [String]) -> Value {
    switch function {
    case "normpath": return .string(normalized(parts[0]))
    case "abspath":
      let path = parts[0]
      return .string(normalized(path.hasPrefix("/") ? path : workingDirectory + "/" + path))
    case "isabs": return .bool(parts[0].hasPrefix("/"))
    case "split":
      let path = parts[0]
      guard let slash = path.lastIndex(of: "/") else {
        return .tuple([.string(""), .string(path)])
      }
      var head = String(path[...slash])
      if head.contains(where: { $0 != "/" }) {
        while head.hasSuffix("/") { head.removeLast() }
      }
      return .tuple([.string(head), .string(String(path[path.index(after: slash)...]))])
    case "join":
      var path = parts[0]
      for part in parts.dropFirst() {
        if part.hasPrefix("/") {
          path = part
        } else if path.isEmpty || path.hasSuffix("/") {
          path += part
        } else {
          path += "/" + part
        }
      }
      return .string(path)
    case "basename":
      return .string(
        String(parts[0].split(separator: "/", omittingEmptySubsequences: false).last ?? ""))
    case "dirname":
      let path = parts[0]
      guard let slash = path.lastIndex(of: "/") else { return .string("") }
      var head = String(path[...slash])
      if head.contains(where: { $0 != "/" }) {
        while head.hasSuffix("/") { head.removeLast() }
      }
      return .string(head)
    default:  // splitext
      let path = parts[0]
      let nameStart = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
      let name = path[nameStart...]
      // Leading dots belong to the name (`.bashrc` has no extension).
      let firstNonDot = name.firstIndex { $0 != "." } ?? name.endIndex
      guard let dot = name[firstNonDot...].lastIndex(of: ".") else {
        return .tuple([.string(path), .string("")])
      }
      return .tuple([.string(String(path[..<dot])), .string(String(path[dot...]))])
    }
  }
}

extension Builtins {
  /// `eval(source)`: one expression, parsed as Python's `eval` parses it (leading spaces and tabs
  /// stripped) and evaluated in the caller's scope — `eval('ReLU')` on a layer class name read from
  /// a setting. An error inside is reported at the `eval(...)` call, since the evaluated text is not
  /// part of the cell (Python's traceback names it `<string>`).
  static func evaluateString(
    _ positional: [Value], keywords: [(String, Value)], range: SourceRange,
    interpreter: Interpreter
  ) throws(CellError) -> Value {
    if let (label, _) = keywords.first {
      if label == "globals" || label == "locals" {
        throw .unsupported("ConvBook does not support eval() with \(label)= yet", at: range)
      }
      throw CellError(
        type: "TypeError", message: "eval() got an unexpected keyword argument '\(label)'",
        range: range)
    }
    guard let first = positional.first, positional.count <= 3 else {
      throw CellError(
        type: "TypeError",
        message: positional.isEmpty
          ? "eval expected at least 1 argument, got 0"
          : "eval expected at most 3 arguments, got \(positional.count)", range: range)
    }
    if positional.count > 1 {
      throw .unsupported("ConvBook does not support eval() with globals or locals yet", at: range)
    }
    guard case .string(let text) = first else {
      throw CellError(
        type: "TypeError", message: "eval() arg 1 must be a string, bytes or code object",
        range: range)
    }
    let source = String(text.drop(while: { $0 == " " || $0 == "\t" }))
    let expression: Expression
    do {
      expression = try PythonParser.parseExpression(source)
    } catch {
      var failure = KerasSession.cellError(from: error)
      failure.range = range
      throw failure
    }
    if source.contains("lambda") {
      // A function made from the text would report later errors at places of that text.
      throw .unsupported("ConvBook does not support eval() of a lambda yet", at: range)
    }
    do {
      return try interpreter.evaluate(expression)
    } catch {
      var failure = error
      failure.range = range
      failure.tracebackRange = nil
      failure.tracebackAnchor = nil
      failure.callers = []
      failure.function = nil
      throw failure
    }
  }
}

extension Builtins {
  /// Whether printing `value` inside a traced `call` on data would show the trace's symbolic
  /// batch axis: a Keras tensor, or a shape whose first size is unknown, at any depth of tuples
  /// and lists.
  static func showsTracedBatch(_ value: Value) -> Bool {
    switch value {
    case .kerasTensor: return true
    case .tensorShape(let dimensions): return dimensions.first.map { $0 == nil } ?? false
    case .tuple(let items): return items.contains(where: showsTracedBatch)
    case .list(let list): return list.items.contains(where: showsTracedBatch)
    default: return false
    }
  }
}

extension Builtins {
  /// `float()` of a text `PythonText.numeral` made ASCII: CPython's `_Py_dg_strtod` grammar
  /// (digits with an optional point and exponent, `inf`, `infinity`, `nan`, each with a sign) and
  /// `_` only between two digits.
  static func float(_ text: String) -> Double? {
    var body = Substring(text)
    var negative = false
    if body.first == "+" || body.first == "-" {
      negative = body.first == "-"
      body.removeFirst()
    }
    switch body.lowercased() {
    case "inf", "infinity": return negative ? -.infinity : .infinity
    case "nan": return .nan
    default: break
    }
    guard PythonText.hasValidUnderscores(String(body)) else { return nil }
    let plain = body.replacingOccurrences(of: "_", with: "")
    let scalars = Array(plain.unicodeScalars)
    var index = 0
    func digits() -> Int {
      let start = index
      while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1 }
      return index - start
    }
    var count = digits()
    if index < scalars.count, scalars[index] == "." {
      index += 1
      count += digits()
    }
    guard count > 0 else { return nil }
    if index < scalars.count, scalars[index] == "e" || scalars[index] == "E" {
      index += 1
      if index < scalars.count, scalars[index] == "+" || scalars[index] == "-" { index += 1 }
      guard digits() > 0 else { return nil }
    }
    guard index == scalars.count, let value = Double(plain) else { return nil }
    return negative ? -value : value
  }
}

extension Builtins {
  /// `math.fsum`: CPython's exact sum of floats (Shewchuk's partials, then the correction that
  /// rounds half-even across them), with its overflow and infinity rules.
  static func fsum(_ values: [Double], range: SourceRange) throws(CellError) -> Double {
    var partials: [Double] = []
    var specialSum = 0.0
    var infinitySum = 0.0
    for value in values {
      var x = value
      var kept = 0
      for index in partials.indices {
        var y = partials[index]
        if abs(x) < abs(y) { swap(&x, &y) }
        let high = x + y
        let low = y - (high - x)
        if low != 0 {
          partials[kept] = low
          kept += 1
        }
        x = high
      }
      partials.removeSubrange(kept...)
      if x == 0 { continue }
      if x.isFinite {
        partials.append(x)
      } else {
        // An infinite or NaN sum from finite values overflowed; from others it is special.
        guard !value.isFinite else {
          throw CellError(
            type: "OverflowError", message: "intermediate overflow in fsum", range: range)
        }
        if value.isInfinite { infinitySum += value }
        specialSum += value
        partials.removeAll()
      }
    }
    if specialSum != 0 {
      guard !infinitySum.isNaN else {
        throw CellError(type: "ValueError", message: "-inf + inf in fsum", range: range)
      }
      return specialSum
    }
    var count = partials.count
    var high = 0.0
    guard count > 0 else { return high }
    count -= 1
    high = partials[count]
    var low = 0.0
    while count > 0 {
      let x = high
      count -= 1
      let y = partials[count]
      high = x + y
      low = y - (high - x)
      if low != 0 { break }
    }
    // Round half-even: when the rest of the partials push `low` further from zero the same way,
    // the correctly rounded sum is the next float.
    if count > 0, (low < 0 && partials[count - 1] < 0) || (low > 0 && partials[count - 1] > 0) {
      let y = low * 2
      let x = high + y
      if y == x - high { high = x }
    }
    return high
  }
}
