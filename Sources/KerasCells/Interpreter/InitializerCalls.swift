import CNNEngine

/// An initializer object called on a shape (`keras.initializers.RandomNormal(seed=42)(shape=(1, 1))`,
/// `initializers.glorot_uniform(seed=3)(shape=(2, 3))`): both Kerases return a float32 tensor of
/// that shape. A seeded random initializer draws TensorFlow's stateless values for the seed pair
/// `[seed, 0]` (tf-keras' `RandomGenerator(seed, rng_type="stateless")`, Keras 3's
/// `draw_seed(seed)`), the values a layer given that initializer starts from; so every call of
/// the same object gives the same values. Zeros, ones, constants and identity need no seed. An
/// unseeded random initializer draws from state ConvBook does not follow (tf-keras' global
/// generator, Keras 3's seed made from Python's `random`), which is refused.
enum InitializerCalls {
  /// The tensor `object(shape, dtype=None)` returns, or nil when `object` is no initializer.
  static func call(
    _ object: KerasObject, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value? {
    let keras3 = interpreter.kerasVersion == .keras3
    guard object.layer == nil,
      KerasObjectConfigs.defaults(object.typeName, keras3: keras3)?.module == "keras.initializers"
    else { return nil }
    func refusal(_ what: String) -> CellError {
      .unsupported(
        "ConvBook does not support calling a \(object.typeName) object \(what) yet", at: site.range)
    }
    let arguments = try EagerFunctions.bind(
      positional, keywords, parameters: ["shape", "dtype"], function: "__call__",
      range: site.range)
    guard let shapeValue = arguments["shape"] else { throw refusal("without a shape") }
    guard let items = shapeValue.sequenceItems ?? tensorShape(shapeValue) else {
      throw refusal("on a shape that is not a tuple or list of sizes")
    }
    var shape: [Int] = []
    for item in items {
      guard case .int(let size) = item, size >= 0 else {
        throw refusal("on a shape that is not a tuple or list of sizes")
      }
      shape.append(size)
    }
    if let dtype = try EagerFunctions.dtype(
      arguments["dtype"], function: object.typeName, range: site.range), dtype != .float32
    {
      throw refusal("with a dtype other than float32")
    }
    let initializer: WeightInitializer
    do {
      initializer = try WeightInitializer(.object(object))
    } catch {
      throw refusal("(\(error.message))")
    }
    var seed: UInt64 = 0
    if initializer.isRandom {
      switch WeightInitializer.seedArgument(object.typeName, arguments: object.arguments) {
      case .int(let given)? where given >= 0: seed = UInt64(given)
      case .none?, nil:
        throw refusal(
          "without a seed (Keras draws it from random state ConvBook does not follow; give the initializer `seed=`)"
        )
      default: throw refusal("with this seed")
      }
    }
    let count: Int
    do {
      count = try Exact.product(shape)
    } catch {
      throw refusal("on a shape of more values than 64-bit integers count")
    }
    try interpreter.budget.allocate(count: count, size: 4, at: site.range)
    let tensor: Tensor?
    do {
      tensor = try initializer.tensorflowTensor(shape: shape, seed: seed)
    } catch {
      throw refusal("(\(error.message))")
    }
    guard let tensor else { throw refusal("on these values") }
    return EagerTensors.value(tensor)
  }

  /// The sizes of a `TensorShape` argument (`tf.TensorShape([2, 3])`).
  private static func tensorShape(_ value: Value) -> [Value]? {
    guard case .tensorShape(let dimensions) = value else { return nil }
    return dimensions.map { $0.map(Value.int) ?? .none }
  }
}
