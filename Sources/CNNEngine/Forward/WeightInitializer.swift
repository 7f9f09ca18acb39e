import CNNKernels

/// A Keras initializer as a cell names it (`'he_normal'`, `initializers.RandomNormal(stddev=0.01)`),
/// resolved to the distribution tf-keras 2.x draws from (`tf_keras/initializers/initializers.py`).
///
/// Values come from `SeededGenerator`, so they follow Keras' distributions but not TensorFlow's
/// random stream.
public enum WeightInitializer: Sendable, Equatable {
  case constant(Double)
  case randomNormal(mean: Double, stddev: Double)
  case randomUniform(minimum: Double, maximum: Double)
  case truncatedNormal(mean: Double, stddev: Double)
  /// `VarianceScaling`, the family behind glorot_*, he_* and lecun_*.
  case varianceScaling(scale: Double, mode: FanMode, distribution: Distribution)
  case orthogonal(gain: Double)
  case identity(gain: Double)
  /// An LSTM's bias with `unit_forget_bias=True`: `base` for the gates i, c, o and ones for the
  /// forget gate (the second block of `units`), as Keras' LSTM cells build it.
  indirect case unitForgetBias(units: Int, base: WeightInitializer)
  /// `Constant(array)`: the array's values, reshaped to the weight's shape (tf-keras'
  /// `tf.constant(value, shape=shape)`) or, for one value, repeated. Keras 3 multiplies the array
  /// by ones of the weight's shape: `shape` is the array's then, and must be the weight's.
  case values([Float], shape: [Int]?)

  public enum FanMode: String, Sendable {
    case fanIn = "fan_in"
    case fanOut = "fan_out"
    case fanAverage = "fan_avg"
  }

  public enum Distribution: String, Sendable {
    case truncatedNormal = "truncated_normal"
    case untruncatedNormal = "untruncated_normal"
    case uniform
  }

  /// Reads the argument a layer was given; `None` is Keras' default for float weights,
  /// glorot_uniform.
  public init(_ value: ArgumentValue) throws(ForwardError) {
    switch value {
    case .none:
      self = .varianceScaling(scale: 1, mode: .fanAverage, distribution: .uniform)
    case .string(let name):
      self = try Self.named(name, arguments: [])
    case .object(let object):
      self = try Self.named(object.typeName, arguments: object.arguments)
    case .int(let number):
      self = .constant(Double(number))
    case .float(let number):
      self = .constant(number)
    default:
      throw ForwardError(.weights, "Could not interpret initializer identifier: \(value)")
    }
  }

  /// Positional parameter names of each initializer class, for `arg0`, `arg1`, ... arguments.
  private static func parameterNames(_ canonical: String) -> [String] {
    switch canonical {
    case "constant": return ["value"]
    case "random_normal", "normal", "truncated_normal": return ["mean", "stddev", "seed"]
    case "random_uniform", "uniform": return ["minval", "maxval", "seed"]
    case "variance_scaling": return ["scale", "mode", "distribution", "seed"]
    case "orthogonal": return ["gain", "seed"]
    case "identity": return ["gain"]
    default: return ["seed"]
    }
  }

  /// Snake-case spelling of a class name (`GlorotUniform` -> `glorot_uniform`).
  private static func canonicalName(_ name: String) -> String {
    var result = ""
    for character in name {
      if character.isUppercase {
        if !result.isEmpty { result.append("_") }
        result += character.lowercased()
      } else {
        result.append(character)
      }
    }
    return result
  }

  /// The `seed` an initializer object was made with (`RandomNormal(seed=42)`,
  /// `RandomNormal(0.0, 1.0, 42)`), or nil when it was not given.
  public static func seedArgument(_ name: String, arguments: [(String, ArgumentValue)])
    -> ArgumentValue?
  {
    let positional = parameterNames(canonicalName(name))
    for (key, value) in arguments {
      if key == "seed" { return value }
      if key.hasPrefix("arg"), let index = Int(key.dropFirst(3)), index < positional.count,
        positional[index] == "seed"
      {
        return value
      }
    }
    return nil
  }

  static func named(_ name: String, arguments: [(String, ArgumentValue)]) throws(ForwardError)
    -> WeightInitializer
  {
    // An instance of a script's own subclass of Keras' `Initializer` (its `__call__` is Python).
    if arguments.contains(where: { $0.0 == KerasObject.subclassKey }) {
      let kind =
        arguments.contains { $0 == (KerasObject.subclassKey, .string("function")) }
        ? "a function of the script" : "a subclass of keras.initializers.Initializer"
      throw ForwardError(
        .weights, "ConvBook cannot draw weights with the custom initializer \(name) (\(kind)) yet")
    }
    let canonical = canonicalName(name)
    let positional = parameterNames(canonical)
    var values: [String: ArgumentValue] = [:]
    for (key, value) in arguments {
      if key.hasPrefix("arg"), let index = Int(key.dropFirst(3)), index < positional.count {
        values[positional[index]] = value
      } else {
        values[key] = value
      }
    }
    func number(_ key: String, _ fallback: Double) throws(ForwardError) -> Double {
      switch values[key] ?? .none {
      case .none: return fallback
      case .int(let value): return Double(value)
      case .float(let value): return value
      case .object(let object) where object.typeName == "ndarray":
        throw ForwardError(
          .weights,
          "ConvBook cannot draw weights from a NumPy array (keras.initializers.Constant(array)) yet"
        )
      case let other:
        throw ForwardError(.weights, "\(name): expected a number for `\(key)`, got \(other)")
      }
    }
    switch canonical {
    case "zeros", "zero": return .constant(0)
    case "ones", "one": return .constant(1)
    case "constant":
      if case .object(let array)? = values["value"], array.typeName == "ndarray" {
        guard case .list(let items)? = array.arguments.first(where: { $0.0 == "values" })?.1
        else {
          throw ForwardError(
            .weights,
            "ConvBook cannot draw weights from a NumPy array this large (keras.initializers.Constant(array)) yet"
          )
        }
        var arrayShape: [Int]?
        if case .bool(true)? = array.arguments.first(where: { $0.0 == "broadcast" })?.1,
          case .tuple(let dimensions)? = array.arguments.first(where: { $0.0 == "shape" })?.1
        {
          arrayShape = dimensions.compactMap { if case .int(let size) = $0 { size } else { nil } }
        }
        return .values(
          items.map {
            switch $0 {
            case .float(let value): return Float(value)
            case .int(let value): return Float(value)
            default: return 0
            }
          }, shape: arrayShape)
      }
      return .constant(try number("value", 0))
    // tf-keras' short aliases: 'uniform' (Embedding's default) and 'normal'.
    case "random_normal", "normal":
      return .randomNormal(mean: try number("mean", 0), stddev: try number("stddev", 0.05))
    case "random_uniform", "uniform":
      return .randomUniform(
        minimum: try number("minval", -0.05), maximum: try number("maxval", 0.05))
    case "truncated_normal":
      return .truncatedNormal(mean: try number("mean", 0), stddev: try number("stddev", 0.05))
    case "glorot_uniform":
      return .varianceScaling(scale: 1, mode: .fanAverage, distribution: .uniform)
    case "glorot_normal":
      return .varianceScaling(scale: 1, mode: .fanAverage, distribution: .truncatedNormal)
    case "he_uniform": return .varianceScaling(scale: 2, mode: .fanIn, distribution: .uniform)
    case "he_normal":
      return .varianceScaling(scale: 2, mode: .fanIn, distribution: .truncatedNormal)
    case "lecun_uniform": return .varianceScaling(scale: 1, mode: .fanIn, distribution: .uniform)
    case "lecun_normal":
      return .varianceScaling(scale: 1, mode: .fanIn, distribution: .truncatedNormal)
    case "variance_scaling":
      let scale = try number("scale", 1)
      var modeName = "fan_in"
      var distributionName = "truncated_normal"
      if case .string(let given)? = values["mode"] { modeName = given }
      if case .string(let given)? = values["distribution"] { distributionName = given }
      // tf-keras accepts "normal" as the old name of "truncated_normal".
      if distributionName == "normal" { distributionName = "truncated_normal" }
      guard let mode = FanMode(rawValue: modeName) else {
        throw ForwardError(
          .weights,
          "Invalid `mode` argument: expected one of {\"fan_in\", \"fan_out\", \"fan_avg\"} but got \(modeName)"
        )
      }
      guard let distribution = Distribution(rawValue: distributionName) else {
        throw ForwardError(
          .weights,
          "Invalid `distribution` argument: expected one of {\"normal\", \"uniform\", \"truncated_normal\", \"untruncated_normal\"} but got \(distributionName)"
        )
      }
      return .varianceScaling(scale: scale, mode: mode, distribution: distribution)
    case "orthogonal": return .orthogonal(gain: try number("gain", 1))
    case "unit_forget_bias":
      guard case .int(let units)? = values["units"] else {
        throw ForwardError(.weights, "\(name): expected an int for `units`")
      }
      return .unitForgetBias(
        units: units, base: try WeightInitializer(values["initializer"] ?? .none))
    case "identity": return .identity(gain: try number("gain", 1))
    default:
      throw ForwardError(.weights, "Unknown initializer: '\(name)'. ConvBook cannot draw it.")
    }
  }

  /// Keras' `_compute_fans`: (fan_in, fan_out) of a weight shape; convolution kernels multiply the
  /// channel counts by the receptive field.
  static func fans(_ shape: [Int]) -> (fanIn: Double, fanOut: Double) {
    switch shape.count {
    case 0: return (1, 1)
    case 1: return (Double(shape[0]), Double(shape[0]))
    case 2: return (Double(shape[0]), Double(shape[1]))
    default:
      // In Double: with a zero-sized axis elsewhere, the receptive field alone may pass 64 bits.
      let receptive = shape.dropLast(2).reduce(1.0) { $0 * Double($1) }
      return (
        Double(shape[shape.count - 2]) * receptive, Double(shape[shape.count - 1]) * receptive
      )
    }
  }

  /// Draws a tensor of `shape` (row-major, Keras layout).
  public func tensor(shape: [Int], generator: inout SeededGenerator) throws(ForwardError) -> Tensor
  {
    let count: Int
    do {
      count = try Exact.product(shape)
    } catch {
      throw ForwardError(
        .weights,
        "a weight of shape \(TensorShape.tuple(shape)) has more values than 64-bit integers count")
    }
    var values = [Float](repeating: 0, count: count)
    switch self {
    case .constant(let value):
      values = [Float](repeating: Float(value), count: count)
    case .values(let given, let arrayShape):
      if let arrayShape, given.count != 1, arrayShape != shape {
        throw ForwardError(
          .weights,
          "ConvBook cannot broadcast a Constant initializer's array of shape \(TensorShape.tuple(arrayShape)) to a weight of shape \(TensorShape.tuple(shape)) (Keras 3 multiplies the array by ones of the weight's shape)"
        )
      }
      if given.count == count {
        values = given
      } else if given.count == 1 {
        values = [Float](repeating: given[0], count: count)
      } else {
        throw ForwardError(
          .weights,
          "Eager execution of tf.constant with unsupported shape. Tensor of \(given.count) elements cannot fill a weight of shape \(TensorShape.tuple(shape)) (\(count) elements)"
        )
      }
    case .randomNormal(let mean, let stddev):
      generator.fill(&values, with: .normal(mean: mean, stddev: stddev))
    case .randomUniform(let minimum, let maximum):
      generator.fill(&values, with: .uniform(lower: minimum, upper: maximum))
    case .truncatedNormal(let mean, let stddev):
      generator.fill(&values, with: .truncatedNormal(mean: mean, stddev: stddev))
    case .varianceScaling(let scale, let mode, let distribution):
      let (fanIn, fanOut) = Self.fans(shape)
      let n: Double
      switch mode {
      case .fanIn: n = max(1, fanIn)
      case .fanOut: n = max(1, fanOut)
      case .fanAverage: n = max(1, (fanIn + fanOut) / 2)
      }
      let variance = scale / n
      switch distribution {
      case .uniform:
        let limit = (3 * variance).squareRoot()
        generator.fill(&values, with: .uniform(lower: -limit, upper: limit))
      case .truncatedNormal:
        // The standard deviation of a unit normal truncated to [-2, 2], as Keras corrects for it.
        let stddev = variance.squareRoot() / 0.87962566103423978
        generator.fill(&values, with: .scaledTruncatedNormal(stddev: stddev))
      case .untruncatedNormal:
        let stddev = variance.squareRoot()
        generator.fill(&values, with: .scaledNormal(stddev: stddev))
      }
    case .orthogonal(let gain):
      values = try Self.orthogonal(shape: shape, gain: gain, generator: &generator)
    case .unitForgetBias(let units, let base):
      values = try base.tensor(shape: shape, generator: &generator).scalars
      for index in units..<min(count, 2 * units) { values[index] = 1 }
    case .identity(let gain):
      guard shape.count == 2 else {
        throw ForwardError(
          .weights,
          "Identity matrix initializer can only be used for 2D matrices. Received: shape=\(TensorShape.tuple(shape))"
        )
      }
      for index in 0..<min(shape[0], shape[1]) { values[index * shape[1] + index] = Float(gain) }
    }
    return Tensor(validShape: shape, scalars: values)
  }

  /// The first value of the weight `spec` of `instance`: TensorFlow's own draw where the layer
  /// knows the seed Keras gives it (`LayerInstance.tensorflowSeeds`), else ConvBook's stream
  /// `stream` of `seed`.
  public static func initialValue(
    of spec: WeightSpec, in instance: LayerInstance, seed: UInt64, stream: String
  ) throws(ForwardError) -> Tensor {
    let initializer = try WeightInitializer(spec.initializer)
    if let known = instance.tensorflowSeed(of: spec),
      let drawn = try initializer.tensorflowTensor(shape: spec.shape, seed: known)
    {
      return drawn
    }
    var generator = SeededGenerator(seed: seed, stream: stream)
    return try initializer.tensor(shape: spec.shape, generator: &generator)
  }

  /// Whether `tensorflowTensor` gives TensorFlow's draw for this initializer and `shape` (all but
  /// an LSTM bias with `unit_forget_bias` over a random initializer, and an orthogonal matrix of
  /// 48 columns and rows or more, whose QR TensorFlow computes with Eigen's blocked reflectors,
  /// which `EigenHouseholderQR` does not follow: a 48-unit recurrent kernel's last digits).
  public func drawsAsTensorFlow(shape: [Int]) -> Bool {
    switch self {
    case .unitForgetBias(_, let base): return !base.isRandom
    case .orthogonal:
      guard shape.count >= 2, let columns = shape.last, columns > 0 else { return true }
      let rows = shape.dropLast().reduce(1, *)
      return min(rows, columns) < EigenHouseholderQR.blockedFrom
    default: return true
    }
  }

  /// Whether Keras draws this initializer's values from a random generator (and so takes a seed).
  public var isRandom: Bool {
    switch self {
    case .constant, .values, .identity: return false
    case .randomNormal, .randomUniform, .truncatedNormal, .varianceScaling, .orthogonal: return true
    case .unitForgetBias(_, let base): return base.isRandom
    }
  }

  /// The values TensorFlow draws for this initializer with the seed pair `[seed, 0]`
  /// (`TensorFlowRandom`), in single precision as its ops compute them (`rnd * (max - min) + min`,
  /// `rnd * stddev + mean`); nil for the initializers whose draw ConvBook does not reproduce
  /// (an LSTM bias with `unit_forget_bias` over a random initializer).
  public func tensorflowTensor(shape: [Int], seed: UInt64) throws(ForwardError) -> Tensor? {
    let count: Int
    do {
      count = try Exact.product(shape)
    } catch {
      throw ForwardError(
        .weights,
        "a weight of shape \(TensorShape.tuple(shape)) has more values than 64-bit integers count")
    }
    let random = TensorFlowRandom(seed0: seed)
    func uniform(_ minimum: Double, _ maximum: Double) -> [Float] {
      let (low, high) = (Float(minimum), Float(maximum))
      return random.uniform(count: count).map { $0 * (high - low) + low }
    }
    func normal(_ mean: Double, _ stddev: Double, truncated: Bool) -> [Float] {
      let (center, spread) = (Float(mean), Float(stddev))
      let values = truncated ? random.truncatedNormal(count: count) : random.normal(count: count)
      return values.map { $0 * spread + center }
    }
    let values: [Float]
    switch self {
    case .constant, .values, .identity:
      var generator = SeededGenerator(seed: seed)
      return try tensor(shape: shape, generator: &generator)
    case .unitForgetBias(_, let base):
      guard !base.isRandom else { return nil }
      var generator = SeededGenerator(seed: seed)
      return try tensor(shape: shape, generator: &generator)
    case .randomUniform(let minimum, let maximum):
      values = uniform(minimum, maximum)
    case .randomNormal(let mean, let stddev):
      values = normal(mean, stddev, truncated: false)
    case .truncatedNormal(let mean, let stddev):
      values = normal(mean, stddev, truncated: true)
    case .varianceScaling(let scale, let mode, let distribution):
      let (fanIn, fanOut) = Self.fans(shape)
      let n: Double
      switch mode {
      case .fanIn: n = max(1, fanIn)
      case .fanOut: n = max(1, fanOut)
      case .fanAverage: n = max(1, (fanIn + fanOut) / 2)
      }
      let variance = scale / n
      switch distribution {
      case .uniform:
        let limit = (3 * variance).squareRoot()
        values = uniform(-limit, limit)
      case .truncatedNormal:
        values = normal(0, variance.squareRoot() / 0.87962566103423978, truncated: true)
      case .untruncatedNormal:
        values = normal(0, variance.squareRoot(), truncated: false)
      }
    case .orthogonal(let gain):
      guard shape.count >= 2, !shape.contains(0) else {
        var generator = SeededGenerator(seed: seed)
        return try tensor(shape: shape, generator: &generator)
      }
      let columns = shape[shape.count - 1]
      let rows = count / columns
      let (tall, wide) = (max(rows, columns), min(rows, columns))
      // TensorFlow draws the (tall, wide) matrix row by row; `orthonormal` reads it by columns.
      let drawn = random.normal(count: tall * wide)
      if wide < EigenHouseholderQR.blockedFrom {
        // tf.linalg.qr as TensorFlow computes it, then q * sign(diag(r)), transposed when
        // rows < columns, times the gain (float32).
        let (q, diagonal) = EigenHouseholderQR.thinQ(drawn, tall: tall, wide: wide)
        let signs = diagonal.map { $0 > 0 ? Float(1) : ($0 < 0 ? -1 : ($0.isNaN ? $0 : 0)) }
        var result = [Float](repeating: 0, count: rows * columns)
        for r in 0..<rows {
          for c in 0..<columns {
            let (i, j) = rows >= columns ? (r, c) : (c, r)
            result[r * columns + c] = Float(gain) * (q[i * wide + j] * signs[j])
          }
        }
        return Tensor(validShape: shape, scalars: result)
      }
      var a = [Double](repeating: 0, count: tall * wide)
      for i in 0..<tall {
        for j in 0..<wide { a[j * tall + i] = Double(drawn[i * wide + j]) }
      }
      values = Self.orthonormal(a, rows: rows, columns: columns, gain: gain)
    }
    return Tensor(validShape: shape, scalars: values)
  }

  /// Keras' `Orthogonal`: a normal (rows, cols) matrix with rows = prod(shape[:-1]), cols =
  /// shape[-1], made orthonormal by QR (modified Gram-Schmidt in Double, signs fixed by R's
  /// diagonal), transposed when rows < cols, times `gain`.
  private static func orthogonal(shape: [Int], gain: Double, generator: inout SeededGenerator)
    throws(ForwardError) -> [Float]
  {
    guard shape.count >= 2 else {
      throw ForwardError(
        .weights,
        "The tensor to initialize must be at least two-dimensional. Received: shape=\(TensorShape.tuple(shape)) of rank \(shape.count)."
      )
    }
    // An empty weight is orthogonal as it is (and its rows alone may not fit in 64 bits).
    if shape.contains(0) { return [] }
    let columns = shape[shape.count - 1]
    let rows = shape.dropLast().reduce(1, *)
    let (tall, wide) = (max(rows, columns), min(rows, columns))
    // a: tall x wide, column-major so each column is contiguous.
    var a = [Double](repeating: 0, count: tall * wide)
    for index in 0..<a.count { a[index] = generator.normal() }
    return orthonormal(a, rows: rows, columns: columns, gain: gain)
  }

  /// Q of the QR decomposition of `a` (tall x wide, column-major: modified Gram-Schmidt in
  /// Double, signs fixed by R's diagonal) as the weight of `rows` x `columns`, times `gain`.
  private static func orthonormal(_ matrix: [Double], rows: Int, columns: Int, gain: Double)
    -> [Float]
  {
    var a = matrix
    let (tall, wide) = (max(rows, columns), min(rows, columns))
    for j in 0..<wide {
      for k in 0..<j {
        var dot = 0.0
        for i in 0..<tall { dot += a[k * tall + i] * a[j * tall + i] }
        for i in 0..<tall { a[j * tall + i] -= dot * a[k * tall + i] }
      }
      var norm = 0.0
      for i in 0..<tall { norm += a[j * tall + i] * a[j * tall + i] }
      norm = norm.squareRoot()
      // R's diagonal is the (positive) norm, so Keras' sign correction leaves Q as it is.
      for i in 0..<tall { a[j * tall + i] = norm > 0 ? a[j * tall + i] / norm : 0 }
    }
    var values = [Float](repeating: 0, count: rows * columns)
    for r in 0..<rows {
      for c in 0..<columns {
        // Q is tall x wide; the weight is Q (rows >= columns) or Q transposed.
        let q = rows >= columns ? a[c * tall + r] : a[r * tall + c]
        values[r * columns + c] = Float(gain * q)
      }
    }
    return values
  }
}
