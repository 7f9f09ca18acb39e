import CNNEngine

/// A script's own subclass of Keras' `Initializer` given to a layer
/// (`Conv2D(32, 3, kernel_initializer=EfficientNetConvInitializer())`): both Kerases call its
/// `__call__(shape, dtype=dtype)` once per weight while the layer builds (its first call, a
/// Sequential model's input shape, `build`), and the values it returns are the weight's first
/// values. tf-keras passes the shape as the layer's `build` wrote it (a list for `Dense`, `PReLU`
/// and `LayerNormalization`, a tuple elsewhere) and `tf.float32`; Keras 3 a tuple and
/// `'float32'`. ConvBook calls it as soon as the call into Keras that built the layer returns
/// (`Calls.call`), so what it prints and raises comes where Keras' would, and keeps the values on
/// the layer (`LayerInstance.initialValues`), which the forward pass starts from. A function of
/// the script (`def my_init(shape, dtype=None)`) is called the same way (Keras' `initializers.get`
/// keeps any callable), and a function given as a regularizer or constraint is kept as the
/// layer's attribute (training refuses it by name).
enum ScriptInitializers {
  /// A layer made with script initializers that has not been built yet.
  struct Pending {
    let instance: LayerInstance
    /// The initializer objects or functions by keyword (`kernel_initializer`).
    let initializers: [(String, Value)]
  }

  /// Whether a layer keyword takes an initializer, regularizer or constraint.
  static func isObjectKeyword(_ label: String) -> Bool {
    ["_initializer", "_regularizer", "_constraint"].contains { label.hasSuffix($0) }
  }

  /// The name of a script's initializer: its class's, or the function's.
  static func name(of initializer: Value) -> String {
    switch initializer {
    case .instance(let object): return object.type.name
    case .function(let callable):
      if let function = callable.userFunction { return function.name }
      return "function"
    default: return initializer.typeName
    }
  }

  /// `kernel_initializer=my_init` (a function of the script) as the layer's argument: an object
  /// named after the function, which drawing weights and training refuse by that name.
  static func functionArgument(_ value: Value) -> Value {
    .kerasObject(
      KerasObject(
        typeName: name(of: value), arguments: [(KerasObject.subclassKey, .string("function"))]))
  }

  /// The layers whose weights map one to one onto their `*_initializer` arguments; tf-keras'
  /// recurrent layers call a bias initializer in pieces, which ConvBook does not replay.
  private static let supportedClasses: Set<String> = [
    "Dense", "Conv1D", "Conv2D", "Conv3D", "Conv1DTranspose", "Conv2DTranspose",
    "Conv3DTranspose", "DepthwiseConv1D", "DepthwiseConv2D", "SeparableConv1D", "SeparableConv2D",
    "BatchNormalization", "LayerNormalization", "PReLU", "Embedding",
  ]

  /// The tf-keras layers whose `build` gives `add_weight` a list as the shape.
  private static let tfKerasListShapes: Set<String> = ["Dense", "PReLU", "LayerNormalization"]

  /// Notes the script initializers among a layer constructor's keywords, and every instance of
  /// the script's own initializer, regularizer or constraint classes it was given, which Keras
  /// keeps as the layer's attribute of the same name (`layer.kernel_constraint` is the object).
  static func note(
    _ keywords: [(String, Value)], instance: LayerInstance, session: KerasSession
  ) {
    let objects = keywords.filter { label, value in
      guard isObjectKeyword(label) else { return false }
      if case .instance(let object) = value {
        return object.type.kerasClassBase?.isLayerArgument == true
      }
      return CustomActivations.isScriptFunction(value)
    }
    if !objects.isEmpty { session.scriptLayerArguments[ObjectIdentifier(instance)] = objects }
    let initializers = keywords.filter { label, value in
      guard label.hasSuffix("_initializer") else { return false }
      if case .instance(let object) = value { return object.type.kerasClassBase == .initializer }
      return CustomActivations.isScriptFunction(value)
    }
    guard !initializers.isEmpty else { return }
    session.pendingInitializers.append(Pending(instance: instance, initializers: initializers))
  }

  /// Calls the initializers of every noted layer that is built now, in the order the layers were
  /// made, and keeps what they return as the layers' first values.
  static func runBuilt(site: CallSite, interpreter: Interpreter) throws(CellError) {
    let session = interpreter.session
    while let index = session.pendingInitializers.firstIndex(where: { $0.instance.isBuilt }) {
      let pending = session.pendingInitializers.remove(at: index)
      try run(pending, site: site, interpreter: interpreter)
    }
  }

  private static func run(_ pending: Pending, site: CallSite, interpreter: Interpreter)
    throws(CellError)
  {
    let instance = pending.instance
    let className = instance.layer.className
    guard supportedClasses.contains(className) else {
      throw .unsupported(
        "ConvBook does not support a custom initializer (\(name(of: pending.initializers[0].1))) in \(className) layers yet",
        at: site.range)
    }
    let keras3 = interpreter.kerasVersion == .keras3
    for spec in instance.weights {
      let label =
        (spec.name.hasSuffix("_kernel") ? String(spec.name.dropLast(7)) : spec.name)
        + "_initializer"
      guard let initializer = pending.initializers.first(where: { $0.0 == label })?.1 else {
        continue
      }
      let dimensions = spec.shape.map { Value.int($0) }
      let shape: Value =
        !keras3 && tfKerasListShapes.contains(className)
        ? .list(PythonList(dimensions)) : .tuple(dimensions)
      let dtype = keras3 ? Value.string("float32") : TensorFlowDType.value("float32")
      let draws = interpreter.session.randomOperationCount
      let result = try Calls.call(
        initializer, positional: [shape], keywords: [("dtype", dtype)], site: site,
        interpreter: interpreter)
      if interpreter.session.randomOperationCount != draws {
        // `tf.random` values are ConvBook's own, not TensorFlow's.
        interpreter.session.training.mark(
          instance, ["\(instance.weightsName)/\(spec.name):0"], known: false, own: true)
      }
      let array: NDArray
      do {
        array = try ArrayOperations.array(
          from: result, dtype: nil, range: site.range, budget: interpreter.budget)
      } catch {
        throw .unsupported(
          "ConvBook takes the values of a custom initializer (\(name(of: initializer))) from a NumPy array or a tensor, not from \(result.typeName)",
          at: site.range)
      }
      guard array.shape == spec.shape else {
        throw .unsupported(
          "ConvBook does not support a custom initializer (\(name(of: initializer))) that returns values of shape \(TensorShape.tuple(array.shape)) for the weight \(instance.name)/\(spec.name) of shape \(TensorShape.tuple(spec.shape)) yet",
          at: site.range)
      }
      instance.initialValues[spec.name] = array.tensor
    }
  }
}
