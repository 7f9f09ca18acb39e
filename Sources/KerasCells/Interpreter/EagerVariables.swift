import CNNEngine

/// `tf.Variable(initial_value, trainable=True, name=None, dtype=None)`: an eager tensor that
/// `assign`, `assign_add` and `assign_sub` change in place. Every operation reads its current
/// value (`EagerTensors.operand`). Printed as TensorFlow prints one:
/// `<tf.Variable 'Variable:0' shape=() dtype=float32, numpy=5.0>` (eager variables are not
/// uniquified: each unnamed one is `Variable:0`).
final class EagerVariable: StandardObject {
  private var stored: NDArray
  let name: String
  let trainable: Bool
  /// What `assign` returns prints as `'UnreadVariable'`.
  let isUnread: Bool
  /// The variable's identity for `tf.GradientTape`: its value carries it.
  let id: Int
  /// A Keras 3 variable's `path` (`hit_rate/hits` for a metric's state): it then prints as
  /// `<Variable path=hit_rate/hits, shape=(), dtype=float32, value=0.0>` and is named `hits`.
  let kerasPath: String?

  init(
    array: NDArray, name: String, trainable: Bool, id: Int, isUnread: Bool = false,
    kerasPath: String? = nil
  ) {
    self.stored = array
    self.name = name
    self.trainable = trainable
    self.id = id
    self.isUnread = isUnread
    self.kerasPath = kerasPath
  }

  /// The current value.
  var array: NDArray {
    get {
      var value = stored
      value.traceID = id
      return value
    }
    set { stored = newValue }
  }

  override var typeName: String { kerasPath == nil ? "ResourceVariable" : "Variable" }

  override func repr(_ item: (Value) -> String) -> String {
    if let kerasPath {
      return
        "<Variable path=\(kerasPath), shape=\(EagerTensors.shapeText(array.shape)), dtype=\(array.tensorFlowDType ?? "float32"), value=\(EagerTensors.numpyText(array, repr: false))>"
    }
    let shown = isUnread ? "UnreadVariable" : name + ":0"
    return
      "<tf.Variable '\(shown)' shape=\(EagerTensors.shapeText(array.shape)) dtype=\(array.tensorFlowDType ?? "float32"), numpy=\(EagerTensors.valueText(array, repr: true))>"
  }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    switch name {
    case "name": return .string(kerasPath == nil ? self.name + ":0" : self.name)
    case "path" where kerasPath != nil: return .string(kerasPath ?? "")
    // Keras 3's variables give their dtype as a string.
    case "dtype" where kerasPath != nil: return .string(array.tensorFlowDType ?? "float32")
    case "trainable": return .bool(trainable)
    case "assign", "assign_add", "assign_sub", "read_value", "value":
      return .method(receiver: .standard(self), name: name)
    case _ where kerasPath == nil && Self.scatterMethods.contains(name):
      return .method(receiver: .standard(self), name: name)
    default:
      return try EagerTensors.attribute(
        name, of: array, dtype: array.tensorFlowDType ?? "float32", range: range)
    }
  }

  override func method(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value? {
    switch name {
    case "assign", "assign_add", "assign_sub":
      guard positional.count == 1,
        keywords.allSatisfy({ ["use_locking", "name", "read_value"].contains($0.0) })
      else {
        throw CellError(
          type: "TypeError",
          message: "\(name)() missing 1 required positional argument: 'value'", range: site.range)
      }
      let given = try EagerVariables.converted(positional[0], to: array, site: site)
      var values = EagerTensors.doubles(given)
      if name != "assign" {
        let current = EagerTensors.doubles(array)
        values = zip(current, values).map { name == "assign_add" ? $0 + $1 : $0 - $1 }
      }
      array = try EagerTensors.make(
        EagerDType(of: array), shape: array.shape, values: values, range: site.range)
      return .standard(
        EagerVariable(array: array, name: self.name, trainable: trainable, id: id, isUnread: true))
    case "read_value", "value", "numpy":
      guard positional.isEmpty, keywords.isEmpty else {
        throw CellError(
          type: "TypeError", message: "\(name)() takes no arguments", range: site.range)
      }
      return name == "numpy" ? EagerTensors.numpy(array) : .array(array)
    case _ where kerasPath == nil && Self.scatterMethods.contains(name):
      return try scatter(name, positional: positional, keywords: keywords, site: site)
    default:
      return try EagerMethods.call(
        name, on: array, positional: positional, keywords: keywords, site: site,
        interpreter: interpreter)
    }
  }

  override func item(at index: Value, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    let (shape, offsets) = try EagerIndexing.select(index, shape: array.shape, range: range)
    return .standard(EagerVariableSlice(variable: self, shape: shape, offsets: offsets))
  }
}

/// `variable[i, j]`: TensorFlow gives a tensor of those values that can still `assign` into the
/// variable (`Y[i, j].assign(value)`, `X[:, 2:6].assign(tf.zeros(...))`).
final class EagerVariableSlice: StandardObject {
  let variable: EagerVariable
  let shape: [Int]
  let offsets: [Int]

  init(variable: EagerVariable, shape: [Int], offsets: [Int]) {
    self.variable = variable
    self.shape = shape
    self.offsets = offsets
  }

  /// The slice's current values, as an eager tensor.
  var array: NDArray {
    let values = EagerTensors.doubles(variable.array)
    var array = NDArray(
      dtype: variable.array.dtype, shape: shape,
      storage: variable.array.dtype == .float64
        ? .double(offsets.map { values[$0] }) : .float(offsets.map { Float(values[$0]) }))
    array.tensorFlowDType = variable.array.tensorFlowDType
    return array
  }

  override var typeName: String { "EagerTensor" }

  override func repr(_ item: (Value) -> String) -> String {
    EagerTensors.repr(array, dtype: array.tensorFlowDType ?? "float32")
  }

  override func str(_ item: (Value) -> String) -> String {
    EagerTensors.str(array, dtype: array.tensorFlowDType ?? "float32")
  }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    if name == "assign" { return .method(receiver: .standard(self), name: name) }
    return try EagerTensors.attribute(
      name, of: array, dtype: array.tensorFlowDType ?? "float32", range: range)
  }

  override func method(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value? {
    guard name == "assign" else {
      if name == "numpy" { return EagerTensors.numpy(array) }
      return try EagerMethods.call(
        name, on: array, positional: positional, keywords: keywords, site: site,
        interpreter: interpreter)
    }
    guard positional.count == 1 else {
      throw CellError(
        type: "TypeError", message: "assign() missing 1 required positional argument: 'value'",
        range: site.range)
    }
    let given = try EagerVariables.converted(positional[0], to: array, site: site)
    var values = EagerTensors.doubles(variable.array)
    for (offset, value) in zip(offsets, EagerTensors.doubles(given)) { values[offset] = value }
    variable.array = try EagerTensors.make(
      EagerDType(of: variable.array), shape: variable.array.shape, values: values,
      range: site.range)
    return .standard(
      EagerVariable(
        array: variable.array, name: variable.name, trainable: variable.trainable,
        id: variable.id, isUnread: true))
  }
}

enum EagerVariables {
  /// `tf.Variable(initial_value, trainable=True, ..., name=None, dtype=None, ...)`.
  static func make(
    positional: [Value], keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    let parameters = [
      "initial_value", "trainable", "validate_shape", "caching_device", "name", "variable_def",
      "dtype", "import_scope", "constraint", "synchronization", "aggregation", "shape",
    ]
    let arguments = try EagerFunctions.bind(
      positional, keywords, parameters: parameters, function: "Variable", range: site.range)
    guard let initial = arguments["initial_value"], !initial.isNone else {
      throw CellError(
        type: "ValueError", message: "initial_value must be specified.", range: site.range)
    }
    for unsupported in ["constraint", "synchronization", "aggregation", "shape", "variable_def"]
    where arguments[unsupported].map({ !$0.isNone }) ?? false {
      throw .unsupported(
        "ConvBook does not support `tf.Variable` with `\(unsupported)=` yet", at: site.range)
    }
    let dtype = try EagerFunctions.dtype(
      arguments["dtype"], function: "tf.Variable", range: site.range)
    let array = try EagerTensors.convert(
      initial, dtype: dtype, function: "tf.Variable", range: site.range)
    var name = "Variable"
    if case .string(let given)? = arguments["name"] { name = given }
    let trainable = arguments["trainable"].map { $0.isNone || $0.isTruthy } ?? true
    let tapes = interpreter.session.eagerTapes
    let id = tapes.newID()
    if trainable { tapes.trainableVariables.insert(id) }
    var value = array
    value.traceID = nil
    return .standard(EagerVariable(array: value, name: name, trainable: trainable, id: id))
  }

  /// Keras 3's `keras.Variable(initializer, shape=None, dtype=None, trainable=True,
  /// autocast=True, aggregation="none", synchronization="auto", name=None)` given its initial
  /// value: named by `auto_name` (`variable`, `variable_1`, ... on the session's counter of object
  /// names), its path under the name scopes open where it is made (a custom layer's `build` or
  /// `call`: `layer/name`; `__init__`: the bare name); the value's dtype unless `dtype=` is given
  /// (a Python float is float32, a float64 array stays float64).
  static func makeKeras(
    positional: [Value], keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    let parameters = [
      "initializer", "shape", "dtype", "trainable", "autocast", "aggregation", "synchronization",
      "name",
    ]
    guard positional.count <= parameters.count else {
      throw .unsupported(
        "ConvBook does not support `keras.Variable` with \(positional.count) positional arguments",
        at: site.range)
    }
    var arguments: [String: Value] = [:]
    for (label, value) in zip(parameters, positional) { arguments[label] = value }
    for (label, value) in keywords {
      guard parameters.contains(label) else {
        throw .unsupported(
          "ConvBook does not support `keras.Variable` with `\(label)=` yet", at: site.range)
      }
      guard arguments[label] == nil else {
        throw CellError(
          type: "TypeError",
          message: "Variable.__init__() got multiple values for argument '\(label)'",
          range: site.range)
      }
      arguments[label] = value
    }
    guard let initial = arguments["initializer"] else {
      throw CellError(
        type: "TypeError",
        message: "Variable.__init__() missing 1 required positional argument: 'initializer'",
        range: site.range)
    }
    let name: String
    switch arguments["name"] ?? .none {
    case .none: name = interpreter.kerasNames.uniqueName("variable")
    case .string(let given) where !given.contains("/"): name = given
    case let given:
      throw CellError(
        type: "ValueError",
        message:
          "Argument `name` must be a string and cannot contain character `/`. Received: name=\(PythonText.str(given))",
        range: site.range)
    }
    for (label, value) in [("aggregation", "none"), ("synchronization", "auto")] {
      if let given = arguments[label], !given.isNone, PythonText.str(given) != value {
        throw .unsupported(
          "ConvBook does not support `keras.Variable` with `\(label)=` yet", at: site.range)
      }
    }
    switch initial {
    case .string, .kerasObject, .function, .instance:
      throw .unsupported(
        "ConvBook does not support `keras.Variable` given an initializer (rather than its initial value) yet",
        at: site.range)
    default: break
    }
    let dtype = try EagerFunctions.dtype(
      arguments["dtype"], function: "keras.Variable", range: site.range)
    var array = try EagerTensors.convert(
      initial, dtype: dtype, function: "keras.Variable", range: site.range)
    if let shape = arguments["shape"], !shape.isNone {
      guard let items = shape.sequenceItems, items.count == array.shape.count,
        zip(items, array.shape).allSatisfy({ item, size in
          if case .int(let given) = item { return given == size }
          return item.isNone
        })
      else {
        throw .unsupported(
          "ConvBook does not support `keras.Variable` given a `shape=` other than its value's yet",
          at: site.range)
      }
    }
    let trainable = arguments["trainable"].map { $0.isTruthy } ?? true
    let scopes = interpreter.session.variableScopes
    let path = (scopes + [name]).joined(separator: "/")
    let tapes = interpreter.session.eagerTapes
    let id = tapes.newID()
    if trainable { tapes.trainableVariables.insert(id) }
    array.traceID = nil
    return .standard(
      EagerVariable(array: array, name: name, trainable: trainable, id: id, kerasPath: path))
  }

  /// A value assigned into `target`'s place: converted to its dtype, of its shape.
  static func converted(_ value: Value, to target: NDArray, site: CallSite) throws(CellError)
    -> NDArray
  {
    let dtype = EagerDType(of: target)
    var given = try EagerTensors.convert(
      value, dtype: nil, function: "assign", range: site.range)
    if EagerDType(of: given) != dtype {
      if EagerTensors.operand(value) != nil {
        throw .unsupported(
          "ConvBook does not support assigning a \(EagerDType(of: given).rawValue) tensor to a \(dtype.rawValue) variable",
          at: site.range)
      }
      given = try EagerTensors.convert(value, dtype: dtype, function: "assign", range: site.range)
    }
    guard given.shape == target.shape else {
      throw .unsupported(
        "ConvBook does not support assigning a value of shape \(EagerTensors.shapeText(given.shape)) to a variable (or slice) of shape \(EagerTensors.shapeText(target.shape))",
        at: site.range)
    }
    return given
  }
}
