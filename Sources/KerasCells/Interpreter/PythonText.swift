import BigInt
import CNNEngine
import Foundation

/// Python's `repr`, `str` and format-spec mini-language for cell values. Objects print without
/// memory addresses so that pages stay byte-identical from run to run.
enum PythonText {
  /// The modules compiled into CPython 3.11 (`sys.builtin_module_names` of the reference
  /// Python): `repr` says `(built-in)` for them.
  static let builtInModules: Set<String> = [
    "_abc", "_ast", "_codecs", "_collections", "_functools", "_imp", "_io", "_locale", "_operator",
    "_signal", "_sre", "_stat", "_string", "_symtable", "_thread", "_tokenize", "_tracemalloc",
    "_warnings", "_weakref", "atexit", "builtins", "errno", "faulthandler", "gc", "itertools",
    "marshal", "posix", "pwd", "sys", "time", "xxsubtype",
  ]
  /// The modules CPython 3.11 loads frozen (`(frozen)` in their repr).
  static let frozenModules: Set<String> = [
    "_collections_abc", "_sitebuiltins", "abc", "codecs", "genericpath", "io", "ntpath", "os",
    "posixpath", "site", "stat", "zipimport",
  ]

  /// How deeply containers may nest in `repr`: CPython's recursion limit allows 997 levels at a
  /// script's top level.
  static let maximumNesting = 997

  /// `str.isspace()` of one code point (`Py_UNICODE_ISSPACE`): what `strip()`, `split()`, `\s`
  /// and the numbers `int()` and `float()` read skip.
  static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F,
      0x205F, 0x3000:
      return true
    default: return false
    }
  }

  /// The ASCII text `int()` and `float()` parse for a `str` (CPython's
  /// `_PyUnicode_TransformDecimalAndSpaceToASCII`, then the strip of surrounding whitespace):
  /// every whitespace becomes a space and every decimal digit of any script its ASCII digit
  /// (`int("١٢")` is 12); any other non-ASCII character makes the text invalid (nil).
  static func numeral(_ text: String) -> String? {
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if scalar.isASCII {
        scalars.append(scalar)
      } else if isSpace(scalar) {
        scalars.append(" ")
      } else if scalar.properties.numericType == .decimal,
        let value = scalar.properties.numericValue
      {
        scalars.append(Unicode.Scalar(48 + UInt8(value)))
      } else {
        return nil
      }
    }
    let asciiSpace: Set<Unicode.Scalar> = [" ", "\t", "\n", "\u{0B}", "\u{0C}", "\r"]
    var start = scalars.startIndex
    var end = scalars.endIndex
    while start < end && asciiSpace.contains(scalars[start]) { start = scalars.index(after: start) }
    while end > start && asciiSpace.contains(scalars[scalars.index(before: end)]) {
      end = scalars.index(before: end)
    }
    return String(String.UnicodeScalarView(scalars[start..<end]))
  }

  /// `str.isidentifier()`: XID_Start (or `_`), then XID_Continue, as CPython's tokenizer reads
  /// names.
  static func isIdentifier(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first, first == "_" || first.properties.isXIDStart
    else { return false }
    return text.unicodeScalars.dropFirst().allSatisfy(\.properties.isXIDContinue)
  }

  /// Whether every `_` of `text` stands between two ASCII digits, as Python's numbers allow.
  static func hasValidUnderscores(_ text: String) -> Bool {
    let scalars = Array(text.unicodeScalars)
    for (index, scalar) in scalars.enumerated() where scalar == "_" {
      guard index > 0, index + 1 < scalars.count,
        ("0"..."9").contains(scalars[index - 1]), ("0"..."9").contains(scalars[index + 1])
      else { return false }
    }
    return true
  }

  static func repr(_ value: Value) -> String { repr(value, depth: 0) }

  private static func repr(_ value: Value, depth: Int) -> String {
    // `requireKnownText` refuses deeper values first; this only keeps messages safe.
    if depth > maximumNesting { return "[...]" }
    let repr = { (item: Value) in Self.repr(item, depth: depth + 1) }
    switch value {
    case .none: return "None"
    case .bool(let flag): return flag ? "True" : "False"
    case .int(let number): return String(number)
    case .bigInt(let number):
      // Callers check `requireKnownText` first; this is only a safe fallback.
      return PythonInteger.decimal(number) ?? "<int of \(number.magnitude.bitWidth) bits>"
    case .float(let number): return PythonFormat.float(number)
    case .string(let text): return PythonFormat.quoted(text)
    case .tuple(let items):
      if items.count == 1 { return "(\(repr(items[0])),)" }
      return "(" + items.map(repr).joined(separator: ", ") + ")"
    case .list(let items):
      let text = "[" + items.map(repr).joined(separator: ", ") + "]"
      if let view = items.dictionaryView { return "\(view.rawValue)(\(text))" }
      if items.isListWrapper { return "ListWrapper(\(text))" }
      return items.deque.map { StandardCollections.dequeRepr(text, $0) } ?? text
    case .set(let set): return SetOperations.repr(set, item: repr)
    case .dictionary(let pairs):
      if case .plain = pairs.flavor {
        return "{" + pairs.map { repr($0.0) + ": " + repr($0.1) }.joined(separator: ", ") + "}"
      }
      return StandardCollections.repr(pairs, item: repr)
    case .module(let module):
      // CPython names where a module came from: compiled in, frozen, or its file (which depends
      // on the installation: `Interpreter.prepareText` refuses printing one in a script).
      let name = module.pythonName
      if Self.builtInModules.contains(name) { return "<module '\(name)' (built-in)>" }
      if Self.frozenModules.contains(name) { return "<module '\(name)' (frozen)>" }
      return "<module '\(name)'>"
    case .function(let callable):
      if case .partial(let application) = callable.kind, application.isBoundMethod,
        case .function(let function) = application.callee,
        let receiver = application.positional.first
      {
        let name = function.userFunction?.qualifiedName ?? function.path
        return "<bound method \(name) of \(repr(receiver))>"
      }
      if case .partial(let application) = callable.kind {
        let arguments =
          [repr(application.callee)] + application.positional.map(repr)
          + application.keywords.map { "\($0.0)=\(repr($0.1))" }
        return "functools.partial(" + arguments.joined(separator: ", ") + ")"
      }
      if case .user(let function) = callable.kind {
        // CPython adds the address (`at 0x7f...`), which would make pages differ run to run.
        return "<function \(function.qualifiedName)>"
      }
      if case .userClass(let type) = callable.kind {
        return "<class '\(type.module).\(type.qualifiedName)'>"
      }
      if case .descriptor(let descriptor) = callable.kind {
        return "<\(descriptor.kind.rawValue) object>"
      }
      if let text = KerasObjectText.classRepr(callable) ?? NumPyFunctions.scalarTypeRepr(callable) {
        return text
      }
      if case .tensorFunction(namespace: "tensorflow", name: "Variable") = callable.kind {
        return "<class '\(TensorFlowClasses.variablePath)'>"
      }
      if callable.isClass { return "<class '\(callable.path)'>" }
      if callable.isPythonBuiltinFunction { return "<built-in function \(callable.path)>" }
      // A function of Keras, TensorFlow or NumPy, by its own name as Python's repr gives it
      // (`<function mean_squared_error at 0x7f...>`, the address left out in a lesson; a script
      // that prints one is refused: `addressedObject`).
      return "<function \(callable.pythonFunctionName)>"
    case .method(let receiver, let name):
      // A built-in type's method is a C function bound to its object (the address left out, as
      // a lesson shows objects; a script printing one is refused: `addressedObject`).
      switch receiver {
      case .list, .tuple, .dictionary, .set, .string, .int, .float, .bool, .bigInt:
        return "<built-in method \(name) of \(receiver.typeName) object>"
      case .array(let array) where array.tensorFlowDType == nil:
        return "<built-in method \(name) of numpy.ndarray object>"
      default: break
      }
      // Python names the method by its qualified name (`A.f`, or the base class defining it).
      var qualifiedName = name
      if case .instance(let instance) = receiver,
        case .function(let function)? = instance.type.lookup(name)?.0,
        let defined = function.userFunction
      {
        qualifiedName = defined.qualifiedName
      }
      // An eager tensor's `numpy` is defined on TensorFlow's `_EagerTensorBase`.
      if case .array(let array) = receiver, array.tensorFlowDType != nil, name == "numpy" {
        qualifiedName = "_EagerTensorBase.numpy"
      }
      return "<bound method \(qualifiedName) of \(repr(receiver))>"
    // Keras 3's `Layer.__repr__` (a tf-keras object's repr names its address, and is refused
    // before it is shown: `Interpreter.prepareText`).
    case .layer(let instance):
      return KerasObjectText.keras3Repr(
        className: instance.className, name: instance.name, built: instance.isBuilt)
    case .model(let model):
      return KerasObjectText.keras3Repr(
        className: model.className, name: model.name, built: model.isBuilt)
    case .kerasTensor(let tensor): return tensor.reprDescription
    case .variable(let variable):
      // `requireKnownText` refused the weights whose values ConvBook does not hold.
      return WeightText.text(of: variable)
        ?? "<tf.Variable '\(variable.kerasName)' shape=\(TensorShape(variable.shape.map { Optional($0) })) dtype=float32>"
    case .kerasObject:
      if let dtype = TensorFlowDType.name(of: value) { return "tf." + dtype }
      guard case .kerasObject(let object) = value else { return "" }
      return "<\(object.typeName) object>"
    case .range(let start, let stop, let step):
      return step == 1 ? "range(\(start), \(stop))" : "range(\(start), \(stop), \(step))"
    case .slice(let start, let stop, let step):
      func text(_ value: Int?) -> String { value.map(String.init) ?? "None" }
      return "slice(\(text(start)), \(text(stop)), \(text(step)))"
    case .ellipsis: return "Ellipsis"
    case .array(let array):
      if let dtype = array.tensorFlowDType { return EagerTensors.repr(array, dtype: dtype) }
      return NumPyArrayText.text(array, repr: true)
    case .history: return "<keras.callbacks.History object>"
    case .exception(let exception): return exception.repr
    case .tensorShape(let dimensions): return TensorShapeValue.repr(dimensions)
    case .standard(let object): return object.repr(repr)
    case .instance(let instance):
      // CPython adds the address (`at 0x7f...`), which would make pages differ run to run.
      return instance.shownRepr
        ?? "<\(instance.type.module).\(instance.type.qualifiedName) object>"
    case .superObject(let binding):
      return "<super: <class '\(binding.start.name)'>, <\(binding.receiverClass.name) object>>"
    }
  }

  static func str(_ value: Value) -> String {
    if case .string(let text) = value { return text }
    if let dtype = TensorFlowDType.name(of: value) { return "<dtype: '\(dtype)'>" }
    if case .exception(let exception) = value { return exception.message }
    if case .tensorShape(let dimensions) = value {
      return repr(.tuple(TensorShapeValue.items(dimensions)))
    }
    if case .kerasTensor(let tensor) = value {
      if let text = tensor.inputDescription { return text }
      if let name = TFKerasTensorNames.name(of: tensor) {
        return
          "KerasTensor(type_spec=TensorSpec(shape=\(tensor.shape), dtype=tf.\(tensor.dtypeName), name=None), name='\(name)', description=\"created by layer '\(tensor.producer.name)'\")"
      }
    }
    if case .array(let array) = value {
      if let dtype = array.tensorFlowDType { return EagerTensors.str(array, dtype: dtype) }
      return NumPyArrayText.text(array, repr: false)
    }
    if case .standard(let object) = value { return object.str(repr) }
    if case .instance(let instance) = value, let text = instance.shownStr { return text }
    return repr(value)
  }

  /// Why the values of `array` are not shown: ConvBook's own random draw, or (no draw of its own
  /// in them) weights as training, `adapt` or a file left them, which it does not hold exactly.
  private static func unheldValuesMessage(_ array: NDArray) -> String {
    if array.unwritten != nil {
      return
        "printing these values would show elements of a numpy.empty array that nothing has written (NumPy leaves them as its memory held them); write every element first, or use np.zeros"
    }
    return array.derivesFromOwnDraw
      ? ownDrawMessage
      : "printing these values would show weights as ConvBook's training (fit or a GradientTape step), adapt or a loaded file left them, which it does not hold exactly as TensorFlow does (its sums may end in other last digits); print their .shape instead"
  }

  static var ownDrawMessage: String {
    "printing these values would show ConvBook's own random draw (\(OwnDraws.reason)); print their .shape, or \(OwnDraws.advice)"
  }

  /// Refuses to show what Keras would print but ConvBook cannot know: the values of weights, and the
  /// TensorFlow op an intermediate tensor's `str` names (`dense/BiasAdd:0`).
  static func requireKnownText(
    _ value: Value, asString: Bool = true, range: SourceRange, depth: Int = 0
  ) throws(CellError) {
    if depth > maximumNesting {
      throw CellError(
        type: "RecursionError",
        message: "maximum recursion depth exceeded while getting the repr of an object",
        range: range)
    }
    try SysPath.refuseReading(value, range: range)
    switch value {
    case .bigInt(let number) where PythonInteger.decimal(number) == nil:
      throw CellError(type: "ValueError", message: PythonInteger.stringLimitMessage, range: range)
    case .variable(let variable) where WeightText.text(of: variable) == nil:
      throw .unsupported(
        "printing the weight \(variable.kerasName) would show its values, which ConvBook does not hold exactly (\(OwnDraws.seeding == .none ? "unseeded random initial values" : "initial values TensorFlow drew from the script's seed in a way ConvBook does not reproduce"), training by fit, or a Keras 3 path it does not model); print its .name or .shape instead",
        at: range)
    case .array(let array) where array.holdsOwnRandomValues:
      throw .unsupported(unheldValuesMessage(array), at: range)
    case .standard(let scalar as NumPyScalar) where scalar.array.holdsOwnRandomValues:
      throw .unsupported(unheldValuesMessage(scalar.array), at: range)
    case .kerasTensor(let tensor)
    where asString && !tensor.isInput && tensor.keras3Name == nil
      && TFKerasTensorNames.name(of: tensor) == nil:
      throw .unsupported(
        "printing a tensor made by a layer names the TensorFlow op that computes it, which ConvBook does not model; print its .shape instead",
        at: range)
    case .standard(is PythonObjectID):
      throw .unsupported(PythonObjectID.printingRefusal, at: range)
    case .standard(is IndexedSlicesObject) where !asString:
      throw .unsupported(
        "ConvBook does not print the repr of a tf.IndexedSlices: Python shows its memory address (`<... object at 0x...>`), which changes from run to run; print it by itself or its .indices and .values",
        at: range)
    case .standard(let alias as GenericClassAlias):
      throw .unsupported(
        "ConvBook does not print a subscripted generic class (`\(alias.origin.name)[...]`) yet",
        at: range)
    case .standard(let signature as PythonSignature) where signature.text == nil:
      throw .unsupported(
        "ConvBook does not print the signature of a script's function yet (it does not keep the annotations); print its parameters' names",
        at: range)
    case .standard(is SignatureParameters), .standard(is SignatureParameter):
      throw .unsupported(
        "ConvBook does not print inspect's parameter objects yet; print their names", at: range)
    case .list, .tuple, .standard:
      for item in value.sequenceItems ?? [] {
        try requireKnownText(item, asString: false, range: range, depth: depth + 1)
      }
    case .set(let set):
      for item in set.items {
        try requireKnownText(item, asString: false, range: range, depth: depth + 1)
      }
    case .dictionary(let pairs):
      for (key, item) in pairs {
        try requireKnownText(key, asString: false, range: range, depth: depth + 1)
        try requireKnownText(item, asString: false, range: range, depth: depth + 1)
      }
    default: break
    }
  }

  /// `format(value, spec)`: fill, align, sign, width, `,`/`_` grouping, precision and the types
  /// d, f, e, g, %, s.
  static func format(
    _ value: Value, spec: String, range: SourceRange, budget: EvaluationBudget? = nil
  ) throws(CellError) -> String {
    try requireKnownText(value, range: range)
    // A 0-d eager tensor formats as its NumPy scalar (`f"{loss}"` is `0.25`).
    if let array = EagerTensors.operand(value), array.rank == 0 {
      if spec.isEmpty { return EagerTensors.numpyText(array, repr: false) }
      return try format(EagerTensors.scalarValue(array), spec: spec, range: range, budget: budget)
    }
    // NumPy formats a scalar as the Python number it stands for, an empty spec too
    // (`f"{np.float32(0.1)}"` is `0.10000000149011612`, unlike its str).
    if case .standard(let scalar as NumPyScalar) = value {
      return try format(scalar.pythonValue, spec: spec, range: range, budget: budget)
    }
    if spec.isEmpty { return str(value) }
    var characters = Array(spec)
    var fill: Character = " "
    var align: Character?
    if characters.count >= 2, "<>^=".contains(characters[1]) {
      fill = characters[0]
      align = characters[1]
      characters.removeFirst(2)
    } else if let first = characters.first, "<>^=".contains(first) {
      align = first
      characters.removeFirst()
    }
    var sign: Character = "-"
    if let first = characters.first, "+- ".contains(first) {
      sign = first
      characters.removeFirst()
    }
    // `z` (Python 3.11): negative zero shown as zero, which ConvBook refuses once the rest of
    // the specification is known good (`{x:zz}` is the unknown format code 'z').
    var coercesZero = false
    if characters.first == "z" {
      coercesZero = true
      characters.removeFirst()
    }
    // `#`: the alternate form, `0x2a` for `{:#x}`.
    var alternate = false
    if characters.first == "#" {
      alternate = true
      characters.removeFirst()
    }
    if characters.first == "0" && characters.count > 1 {
      fill = "0"
      align = align ?? "="
      characters.removeFirst()
    }
    func number() throws(CellError) -> Int {
      var value = 0
      while let character = characters.first, character.isASCII,
        let digit = character.wholeNumberValue
      {
        let (times, overflow) = value.multipliedReportingOverflow(by: 10)
        let (sum, overflow2) = times.addingReportingOverflow(digit)
        if overflow || overflow2 {
          throw CellError(
            type: "ValueError", message: "Too many decimal digits in format string", range: range)
        }
        value = sum
        characters.removeFirst()
      }
      return value
    }
    let width = try number()
    try budget?.allocate(bytes: width, at: range)
    var grouping: Character?
    if let first = characters.first, first == "," || first == "_" {
      grouping = first
      characters.removeFirst()
    }
    var precision: Int?
    if characters.first == "." {
      characters.removeFirst()
      let digits = try number()
      if digits > Int(Int32.max) {
        throw CellError(type: "ValueError", message: "precision too big", range: range)
      }
      try budget?.allocate(bytes: digits, at: range)
      precision = digits
    }
    let type = characters.first
    if characters.count > 1 {
      throw CellError(
        type: "ValueError", message: "Invalid format specifier '\(spec)'", range: range)
    }
    var body: String
    var isNumber = true
    // The sign and `0x` of a number, which `=` alignment pads after.
    var lead = ""
    switch (value, type) {
    case (.int, "x"?), (.int, "X"?), (.int, "o"?), (.int, "b"?), (.bool, "x"?), (.bool, "X"?),
      (.bool, "o"?), (.bool, "b"?):
      var number = 0
      if case .int(let integer) = value { number = integer }
      if case .bool(let flag) = value { number = flag ? 1 : 0 }
      let radix = ["x": 16, "X": 16, "o": 8, "b": 2][type!]!
      var digits = String(number.magnitude, radix: radix, uppercase: type == "X")
      if grouping == "_" {
        var grouped = ""
        for (offset, character) in digits.enumerated() {
          if offset > 0 && (digits.count - offset) % 4 == 0 { grouped.append("_") }
          grouped.append(character)
        }
        digits = grouped
      } else if grouping == "," {
        throw CellError(
          type: "ValueError", message: "Cannot specify ',' with '\(type!)'.", range: range)
      }
      lead = number < 0 ? "-" : (sign == "+" ? "+" : (sign == " " ? " " : ""))
      if alternate { lead += "0" + (type == "X" ? "X" : String(type!)) }
      body = lead + digits
    case (.int(let number), nil), (.int(let number), "d"):
      body = group(String(number.magnitude), grouping)
      body = (number < 0 ? "-" : (sign == "+" ? "+" : (sign == " " ? " " : ""))) + body
    case (.bigInt(let number), nil), (.bigInt(let number), "d"):
      body = group(PythonInteger.decimal(BigInt(number.magnitude)) ?? "", grouping)
      body =
        (number.sign == .minus ? "-" : (sign == "+" ? "+" : (sign == " " ? " " : ""))) + body
    case (.int, _), (.bigInt, _), (.float, _), (.bool, _):
      let number: Double
      switch value {
      case .int(let integer): number = Double(integer)
      case .bigInt(let integer):
        guard let converted = PythonInteger.double(integer) else {
          throw CellError(
            type: "OverflowError", message: "int too large to convert to float", range: range)
        }
        number = converted
      case .float(let real): number = real
      case .bool(let flag): number = flag ? 1 : 0
      default: number = 0
      }
      body = try formatFloat(
        number, type: type, precision: precision, grouping: grouping, sign: sign, spec: spec,
        range: range)
    default:
      isNumber = false
      body = str(value)
      if let precision {
        body = String(String.UnicodeScalarView(body.unicodeScalars.prefix(precision)))
      }
      if type != nil && type != "s" {
        throw CellError(
          type: "ValueError",
          message: "Unknown format code '\(type!)' for object of type '\(value.typeName)'",
          range: range)
      }
    }
    if coercesZero {
      throw .unsupported(
        "ConvBook does not support the `z` option of a format specification yet", at: range)
    }
    let padding = max(width - PythonCodePoints.count(body), 0)
    guard padding > 0 else { return body }
    let filler = String(repeating: fill, count: padding)
    switch align ?? (isNumber ? ">" : "<") {
    case "<": return body + filler
    case "^":
      let left = String(repeating: fill, count: padding / 2)
      return left + body + String(repeating: fill, count: padding - padding / 2)
    case "=":
      if !lead.isEmpty { return lead + filler + body.dropFirst(lead.count) }
      if let first = body.first, "+- ".contains(first) {
        return String(first) + filler + body.dropFirst()
      }
      return filler + body
    default: return filler + body
    }
  }

  private static func formatFloat(
    _ number: Double, type: Character?, precision: Int?, grouping: Character?, sign: Character,
    spec: String, range: SourceRange
  ) throws(CellError) -> String {
    var text: String
    switch type {
    case "f", "F": text = String(format: "%.\(precision ?? 6)f", number)
    case "e", "E": text = String(format: "%.\(precision ?? 6)e", number)
    case "%": text = String(format: "%.\(precision ?? 6)f", number * 100) + "%"
    case "g", "G": text = String(format: "%.\(max(precision ?? 6, 1))g", number)
    case nil:
      text =
        precision.map { String(format: "%.\(max($0, 1))g", number) } ?? PythonFormat.float(number)
    default:
      throw CellError(
        type: "ValueError", message: "Unknown format code '\(type!)' for object of type 'float'",
        range: range)
    }
    if let grouping {
      let negative = text.hasPrefix("-")
      let unsigned = negative ? String(text.dropFirst()) : text
      let digitsEnd = unsigned.firstIndex { !$0.isNumber } ?? unsigned.endIndex
      text =
        (negative ? "-" : "") + group(String(unsigned[..<digitsEnd]), grouping)
        + unsigned[digitsEnd...]
    }
    if !text.hasPrefix("-") {
      if sign == "+" { text = "+" + text } else if sign == " " { text = " " + text }
    }
    return text
  }

  private static func group(_ digits: String, _ separator: Character?) -> String {
    guard let separator else { return digits }
    var result = ""
    for (offset, character) in digits.enumerated() {
      if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(separator) }
      result.append(character)
    }
    return result
  }
}
