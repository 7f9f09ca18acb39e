import CNNEngine

/// The Keras packages of one script. TensorFlow 2.21 installs Keras 3 (`keras`, `tf.keras`) and
/// tf-keras 2.21 (`tf_keras`) side by side, and a script may import both: each package then has its
/// own classes, name counters (`dense` in both), summary text and errors. A session runs under one
/// Keras (`KerasSession.kerasVersion`); in a Keras 3 session what `tf_keras` exports belongs to
/// tf-keras (`KerasModule.tfKeras`, `Callable.kerasVersion`), and while a call of tf-keras or a
/// method of one of its objects runs, the interpreter's `kerasVersion` is tf-keras'. In a Keras 2
/// session every package is tf-keras, as `TF_USE_LEGACY_KERAS=1` makes `tf.keras`.
enum KerasPackages {
  /// A value found in a `tf_keras` module: its modules are tf-keras' modules, its functions and
  /// classes tf-keras'.
  static func inTFKeras(_ value: Value) -> Value {
    switch value {
    case .module(let module):
      switch module {
      case .tfKeras, .inert, .numpy, .math, .functools, .os, .osPath, .standard: return value
      default: return .module(.tfKeras(module))
      }
    case .function(var callable):
      callable.kerasVersion = .keras2
      return .function(callable)
    default: return value
    }
  }

  /// The weights in a value that tf-keras returned, marked as tf-keras' (`model.weights`).
  static func tfKerasVariables(_ value: Value) -> Value {
    switch value {
    case .variable(var variable):
      variable.kerasVersion = .keras2
      return .variable(variable)
    case .list(let list)
    where list.items.contains(where: { if case .variable = $0 { true } else { false } }):
      return .list(list.items.map(tfKerasVariables))
    default: return value
    }
  }

  /// How `isinstance` tells the packages' classes apart: `keras:` for the session's, `tf_keras:`
  /// for tf-keras' in a Keras 3 session.
  static func classPrefix(_ package: KerasVersion?, interpreter: Interpreter) -> String {
    let session = interpreter.session.kerasVersion
    return (package ?? session) == session ? "keras:" : "tf_keras:"
  }

  /// The module a `tf_keras` module wraps, with the Keras its names belong to (`session` for the
  /// other modules).
  static func unwrap(_ module: KerasModule, in session: KerasVersion) -> (
    KerasModule, KerasVersion
  ) {
    switch module {
    case .tfKeras(let inner): return (unwrap(inner, in: .keras2).0, .keras2)
    case .keras3Package(let inner): return (inner, session)
    case .tensorflowKerasImported(let inner): return (inner, session)
    default: return (module, session)
    }
  }
}

extension KerasSession {
  /// `module.name` as this session sees it: in a Keras 2 session tf-keras is every package, so a
  /// `tf_keras` class is the same class as `keras`' (`tf_keras.layers.Dense is keras.layers.Dense`).
  func attribute(_ name: String, of module: KerasModule) -> Value? {
    if case .inert(let path) = module, path == "keras.mixed_precision" || path == "keras.config",
      let value = MixedPrecision.attribute(name, module: path, keras3: kerasVersion == .keras3)
    {
      return value
    }
    if module == .standard("sys") && name == "argv" {
      // `python FILE.py ARGUMENTS...`.
      let arguments =
        systemArguments
        ?? PythonList([.string(scriptName ?? "")] + scriptArguments.map(Value.string))
      systemArguments = arguments
      return .list(arguments)
    }
    guard let value = module.attribute(name) else { return nil }
    if kerasVersion == .keras2, case .function(var callable) = value, callable.kerasVersion != nil {
      callable.kerasVersion = nil
      return .function(callable)
    }
    return value
  }

  /// The name counters of one package.
  func names(for version: KerasVersion) -> NameScope {
    if version == kerasVersion { return names }
    if let tfKerasNames { return tfKerasNames }
    let made = NameScope(kerasVersion: version)
    tfKerasNames = made
    return made
  }

  /// `clear_session()` of one package. Keras 3's (on TensorFlow) also resets TensorFlow's default
  /// graph, which holds tf-keras' counters, so both start again; tf-keras' only its own.
  func clearNames(for version: KerasVersion) {
    // Keras 3's `clear_session()` resets the global dtype policy; tf-keras' keeps it.
    let policy = names(for: version).dtypePolicy
    if version == kerasVersion {
      names = NameScope(kerasVersion: version)
      tfKerasNames = nil
    } else {
      tfKerasNames = NameScope(kerasVersion: version)
    }
    if version == .keras3 {
      MixedPrecision.reset(session: self)
    } else {
      names(for: version).dtypePolicy = policy
    }
  }

  /// The Keras package that made `model`: tf-keras for a `tf_keras` model in a Keras 3 session,
  /// else the session's.
  public func kerasVersion(of model: KerasModel) -> KerasVersion {
    package(of: .model(model)) ?? kerasVersion
  }

  /// The package that made a Keras object, or nil for values that are no Keras objects.
  func package(of value: Value) -> KerasVersion? {
    func made(_ object: AnyObject) -> KerasVersion {
      tfKerasObjects[ObjectIdentifier(object)] == nil ? kerasVersion : .keras2
    }
    switch value {
    case .layer(let instance): return made(instance)
    case .model(let model): return made(model)
    case .kerasTensor(let tensor):
      return tfKerasObjects[ObjectIdentifier(tensor)] == nil ? made(tensor.producer) : .keras2
    case .variable(let variable): return variable.kerasVersion ?? kerasVersion
    case .module(.tfKeras): return .keras2
    default: return nil
    }
  }

  /// Records the objects in `value` as tf-keras' (a model with its layers).
  func markTFKeras(_ value: Value) {
    guard kerasVersion != .keras2 else { return }
    func keep(_ object: AnyObject) { tfKerasObjects[ObjectIdentifier(object)] = object }
    switch value {
    case .layer(let instance): keep(instance)
    case .model(let model):
      keep(model)
      for layer in model.layers { keep(layer) }
    case .kerasTensor(let tensor): keep(tensor)
    case .list(let list): for item in list.items { markTFKeras(item) }
    case .tuple(let items): for item in items { markTFKeras(item) }
    default: break
    }
  }
}

extension Interpreter {
  /// The Keras of what runs now: tf-keras while a `tf_keras` call or a tf-keras object's method
  /// runs in a Keras 3 session, else the session's.
  var kerasVersion: KerasVersion { package ?? session.kerasVersion }

  /// The name counters of `kerasVersion`'s package.
  var kerasNames: NameScope { session.names(for: kerasVersion) }

  /// A summary that the running package prints: marked with it when that is not the session's
  /// (a tf-keras model in a Keras 3 session prints tf-keras' classic table).
  func packaged(_ summary: ModelSummary) -> ModelSummary {
    guard kerasVersion != session.kerasVersion else { return summary }
    var marked = summary
    marked.kerasVersion = kerasVersion
    return marked
  }

  /// Runs `body` as a call of `version`'s package (nil: the running one). What it returns is that
  /// package's (tf-keras' objects are marked as such); an error it raises is in its words.
  func inPackage(_ version: KerasVersion?, _ body: () throws(CellError) -> Value)
    throws(CellError) -> Value
  {
    guard let version, version != kerasVersion else { return try body() }
    let saved = package
    package = version
    defer { package = saved }
    do {
      var value = try body()
      if version == .keras2 && session.kerasVersion == .keras3 {
        session.markTFKeras(value)
        value = KerasPackages.tfKerasVariables(value)
      }
      return value
    } catch {
      var raised = error
      if raised.kerasVersion == nil { raised.kerasVersion = version }
      throw raised
    }
  }
}

// MARK: Mixing the packages

extension KerasPackages {
  /// Python's name of an object's class in `package` (`<class 'keras.src.layers.core.dense.Dense'>`).
  static func qualifiedClass(_ className: String, in package: KerasVersion) -> String {
    let table = package == .keras3 ? KerasClassModules.keras3 : KerasClassModules.tfKeras
    let root = package == .keras3 ? "keras" : "tf_keras"
    return (table[className] ?? root) + "." + className
  }

  /// tf-keras' merge layers (`_Merge`, `Concatenate`, `Dot`).
  static let mergeClasses: Set<String> = [
    "Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum", "Concatenate", "Dot",
  ]

  /// `object.__class__` of a layer or model: its class in its own package, as Python names it
  /// (`<class 'keras.src.layers.core.dense.Dense'>`, `__name__` `Dense`).
  static func classValue(of value: Value, interpreter: Interpreter) -> Value? {
    guard let className = className(of: value),
      let package = interpreter.session.package(of: value)
    else { return nil }
    let kind: Callable.Kind
    switch value {
    case .model(let model):
      kind = model.graph == nil && model.className == "Sequential" ? .sequentialClass : .modelClass
    default: kind = .layerClass(className)
    }
    var callable = Callable(kind, path: qualifiedClass(className, in: package))
    if package != interpreter.session.kerasVersion { callable.kerasVersion = package }
    return .function(callable)
  }

  /// The class name of a layer or model value.
  static func className(of value: Value) -> String? {
    switch value {
    case .layer(let instance): return instance.className
    case .model(let model): return model.className
    default: return nil
    }
  }

  /// `model.add(element)` / `Sequential([element])` when the element is the other package's layer
  /// or model: what that package's Sequential raises.
  static func checkAdd(_ element: Value, range: SourceRange, interpreter: Interpreter)
    throws(CellError)
  {
    let model = interpreter.kerasVersion
    guard let made = interpreter.session.package(of: element), made != model else { return }
    if case .kerasTensor = element {
      throw .unsupported(
        "ConvBook does not support adding a \(made.packageName) tensor to a \(model.packageName) Sequential model yet; build the model with one package",
        at: range)
    }
    guard let className = className(of: element) else { return }
    let type = qualifiedClass(className, in: made)
    switch model {
    case .keras3:
      // Keras 3 checks `isinstance(layer, keras.Layer)`; Python's repr of the tf-keras object
      // names its address, which ConvBook leaves out.
      throw CellError(
        type: "ValueError",
        message:
          "Only instances of `keras.Layer` can be added to a Sequential model. Received: <\(type) object> (of type <class '\(type)'>)",
        range: range)
    case .keras2:
      throw CellError(
        type: "TypeError",
        message:
          "The added layer must be an instance of class Layer. Received: layer=<\(className) name=\(name(of: element)), built=\(built(element) ? "True" : "False")> of type <class '\(type)'>.",
        range: range)
    }
  }

  private static func name(of value: Value) -> String {
    switch value {
    case .layer(let instance): return instance.name
    case .model(let model): return model.name
    default: return ""
    }
  }

  private static func built(_ value: Value) -> Bool {
    switch value {
    case .layer(let instance): return instance.isBuilt
    case .model(let model): return model.isBuilt
    default: return false
    }
  }

  /// The tensors a layer, a model or a merge function is called on, when one of them is the other
  /// package's: what the called package raises, or ConvBook's limitation where the real packages
  /// accept it through TensorFlow (a Keras 3 layer on a tf-keras tensor runs as a TensorFlow op).
  static func checkCall(
    of callee: Value, on positional: [Value], interpreter: Interpreter, site: CallSite
  ) throws(CellError) {
    guard let argument = positional.first else { return }
    let tensors: [KerasTensor]
    switch argument {
    case .kerasTensor(let tensor): tensors = [tensor]
    case .list, .tuple:
      tensors = argument.sequenceItems!.compactMap {
        if case .kerasTensor(let tensor) = $0 { return tensor } else { return nil }
      }
    default: return
    }
    let called = interpreter.kerasVersion
    guard
      let foreign = tensors.first(where: {
        interpreter.session.package(of: .kerasTensor($0)) != called
      })
    else { return }
    switch (called, callee) {
    case (.keras2, .model(let model)):
      throw CellError(
        type: "AttributeError",
        message:
          "Exception encountered when calling layer '\(model.name)' (type \(model.className)).",
        range: site.range)
    case (.keras2, .layer(let instance)) where mergeClasses.contains(instance.className):
      // tf-keras' merge layers fail in their shape checks, wrapped with the layer's name.
      throw CellError(
        type: "TypeError",
        message:
          "Exception encountered when calling layer \"\(instance.name)\" (type \(instance.className)).",
        range: site.range)
    case (.keras2, .layer(let instance))
    where KerasClassModules.tfKerasCheckedInputs.contains(instance.className):
      // tf-keras checks its input against the layer's `input_spec` first, reading `shape.rank`,
      // and a Keras 3 tensor's shape is a tuple. (A layer without one runs its `call` on the
      // tensor and fails in TensorFlow, in words that name the tensor: ConvBook's limitation.)
      throw CellError(
        type: "AttributeError", message: "'tuple' object has no attribute 'rank'",
        range: site.range)
    case (.keras2, .function):
      // A merge function of tf-keras converts its inputs to TensorFlow's type specs, through a
      // new Keras 3 tensor (which takes the next `keras_tensor` name).
      let name = interpreter.session.names(for: .keras3).kerasTensorName() ?? "keras_tensor"
      throw CellError(
        type: "TypeError",
        message:
          "Could not build a TypeSpec for <KerasTensor shape=\(foreign.shape), dtype=float32, sparse=False, ragged=False, name=\(name)> of unsupported type <class 'keras.src.backend.common.keras_tensor.KerasTensor'>.",
        range: site.range)
    default:
      throw .unsupported(
        "ConvBook does not support calling a \(called.packageName) \(className(of: callee) ?? "layer") on a \(called == .keras3 ? "tf-keras" : "Keras 3") tensor yet (real Keras runs it as a TensorFlow operation); build the model with one package",
        at: site.range)
    }
  }

  /// `keras.Model(inputs, outputs)` on the other package's input tensors.
  static func checkModelInputs(
    _ inputs: [KerasTensor], given: Value, interpreter: Interpreter, site: CallSite
  ) throws(CellError) {
    let called = interpreter.kerasVersion
    guard
      let foreign = inputs.first(where: {
        interpreter.session.package(of: .kerasTensor($0)) != called
      })
    else { return }
    switch called {
    case .keras2:
      throw CellError(
        type: "AttributeError", message: "'KerasTensor' object has no attribute 'node'",
        range: site.range)
    case .keras3:
      guard let text = foreign.inputDescription, case .kerasTensor = given else {
        throw .unsupported(
          "ConvBook does not support a Keras 3 model of tf-keras tensors given as a list yet; build the model with one package",
          at: site.range)
      }
      throw CellError(
        type: "ValueError",
        message:
          "All `inputs` values must be KerasTensors. Received: inputs=\(text) including invalid value \(text) of type <class 'tf_keras.src.engine.keras_tensor.KerasTensor'>",
        range: site.range)
    }
  }

  /// The package of the Keras tensors a TensorFlow or backend function is called on (its first
  /// argument, or the first item of a list of them), for `tf.nn.relu(x)` on a tf-keras tensor.
  static func tensorPackage(
    of callable: Callable, positional: [Value], interpreter: Interpreter
  ) -> KerasVersion? {
    switch callable.kind {
    case .tensorFunction, .activation: break
    default: return nil
    }
    guard let first = positional.first else { return nil }
    if case .kerasTensor = first { return interpreter.session.package(of: first) }
    if let item = first.sequenceItems?.first, case .kerasTensor = item {
      return interpreter.session.package(of: item)
    }
    return nil
  }

  /// Arithmetic on Keras tensors runs in their package; tensors of both packages together are
  /// ConvBook's limitation (TensorFlow accepts them, as operations of neither package).
  static func package(of tensors: [KerasTensor], interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> KerasVersion
  {
    let packages = Set(tensors.map { interpreter.session.package(of: .kerasTensor($0)) })
    guard packages.count <= 1 else {
      throw .unsupported(
        "ConvBook does not support arithmetic on a Keras 3 tensor and a tf-keras tensor together yet; build the model with one package",
        at: range)
    }
    return packages.first.flatMap { $0 } ?? interpreter.kerasVersion
  }
}

extension KerasVersion {
  /// How messages name the package: "Keras 3" or "tf-keras".
  var packageName: String { self == .keras3 ? "Keras 3" : "tf-keras" }
}
