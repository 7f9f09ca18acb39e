import CNNEngine
import Foundation

/// NumPy's elementwise math ufuncs of real numbers: `np.sin`, `np.cos`, `np.tan`, their inverses
/// and hyperbolic forms, `np.exp2`, `np.expm1`, `np.log2`, `np.log10`, `np.log1p`, `np.cbrt`,
/// `np.degrees` / `np.radians` and the two-argument `np.arctan2` and `np.hypot`. They compute in
/// the input's float type as NumPy does (float32 stays float32; float64, integers and Python
/// numbers give float64; a number gives a NumPy scalar), with the C library's functions (float32
/// `sin` and `cos`: NumPy's own vectorised ones, `sineOrCosine`): NumPy's
/// float64 `sin`, `cos`, `log` and `log2` give the same bits; its vectorised (SVML) versions of the
/// others can differ in the last bit (measured against NumPy 2.4.6 on AVX-512), below what NumPy
/// prints of an array. bool and uint8 inputs, which NumPy computes in float16, are refused.
enum NumPyMath {
  typealias Functions = (double: @Sendable (Double) -> Double, single: @Sendable (Float) -> Float)

  static let unary: [String: Functions] = [
    "sin": (Foundation.sin, { sineOrCosine($0, cosine: false) }),
    "cos": (Foundation.cos, { sineOrCosine($0, cosine: true) }),
    "tan": (Foundation.tan, Foundation.tan), "arcsin": (Foundation.asin, Foundation.asin),
    "arccos": (Foundation.acos, Foundation.acos), "arctan": (Foundation.atan, Foundation.atan),
    "sinh": (Foundation.sinh, Foundation.sinh), "cosh": (Foundation.cosh, Foundation.cosh),
    "tanh": (Foundation.tanh, Foundation.tanh), "arcsinh": (Foundation.asinh, Foundation.asinh),
    "arccosh": (Foundation.acosh, Foundation.acosh),
    "arctanh": (Foundation.atanh, Foundation.atanh),
    "exp2": (Foundation.exp2, Foundation.exp2), "expm1": (Foundation.expm1, Foundation.expm1),
    "log2": (Foundation.log2, Foundation.log2), "log10": (Foundation.log10, Foundation.log10),
    "log1p": (Foundation.log1p, Foundation.log1p), "cbrt": (Foundation.cbrt, Foundation.cbrt),
    // NumPy multiplies by its constant 180/pi (pi/180), in the input's precision.
    "degrees": ({ $0 * (180.0 / Double.pi) }, { $0 * (180 / Float.pi) }),
    "rad2deg": ({ $0 * (180.0 / Double.pi) }, { $0 * (180 / Float.pi) }),
    "radians": ({ $0 * (Double.pi / 180.0) }, { $0 * (Float.pi / 180) }),
    "deg2rad": ({ $0 * (Double.pi / 180.0) }, { $0 * (Float.pi / 180) }),
  ]

  static let binary:
    [String: (
      double: @Sendable (Double, Double) -> Double, single: @Sendable (Float, Float) -> Float
    )] =
      [
        "arctan2": (Foundation.atan2, Foundation.atan2),
        "hypot": (Foundation.hypot, Foundation.hypot),
      ]

  static let names = Set(unary.keys).union(binary.keys)

  /// `np.NAME(x)` or `np.NAME(x1, x2)`.
  static func call(_ name: String, _ arguments: NumPyFunctions.Arguments, budget: EvaluationBudget)
    throws(CellError) -> Value
  {
    let range = arguments.site.range
    if let functions = binary[name] {
      try arguments.check(allowed: ["x1", "x2"])
      let a = try floats(arguments.array(0, "x1", budget: budget), name, range: range)
      let b = try floats(arguments.array(1, "x2", budget: budget), name, range: range)
      let single = a.dtype == .float32 && b.dtype == .float32
      let shape = try ArrayOperations.broadcastShape(a, b, range: range)
      let count = shape.reduce(1, *)
      try budget.allocate(count: count, size: 8, at: range)
      let ai = NumPyArrayFunctions.broadcastOffsets(a.shape, to: shape)
      let bi = NumPyArrayFunctions.broadcastOffsets(b.shape, to: shape)
      let values = (0..<count).map { index in
        single
          ? Double(functions.single(Float(a.value(at: ai[index])), Float(b.value(at: bi[index]))))
          : functions.double(a.value(at: ai[index]), b.value(at: bi[index]))
      }
      return made(NDArray(dtype: single ? .float32 : .float64, shape: shape, doubles: values))
    }
    guard let functions = unary[name] else {
      throw .unsupported("ConvBook does not support `numpy.\(name)` yet", at: range)
    }
    try arguments.check(allowed: ["x"])
    let x = try floats(arguments.array(0, "x", budget: budget), name, range: range)
    try budget.allocate(count: x.count, size: 8, at: range)
    if x.dtype == .float32 {
      return made(
        NDArray(dtype: .float32, shape: x.shape, scalars: x.scalars.map(functions.single)))
    }
    let values = (0..<x.count).map { functions.double(x.value(at: $0)) }
    return made(NDArray(dtype: .float64, shape: x.shape, doubles: values))
  }

  /// The input as NumPy's loop reads it: float32 stays, float64 and the wider integers become
  /// float64 (a Python number is float64 too).
  private static func floats(_ array: NDArray, _ name: String, range: SourceRange)
    throws(CellError) -> NDArray
  {
    switch array.dtype {
    case .float32, .float64:
      return NDArray(dtype: array.dtype, shape: array.shape, storage: array.storage)
    case .int32, .int64:
      return NDArray(dtype: .float64, shape: array.shape, storage: array.storage)
    case .bool, .uint8:
      throw .unsupported(
        "ConvBook does not support `numpy.\(name)` of \(array.dtype.rawValue) values yet (NumPy computes them in float16)",
        at: range)
    }
  }

  private static func made(_ array: NDArray) -> Value {
    array.rank == 0 ? ArrayOperations.element(array, at: 0) : .array(array)
  }

  /// NumPy's float32 `sin` / `cos` on a processor with FMA (`simd_sincos_f32`): the quadrant
  /// x * 2/pi rounded in a fused step, Cody-Waite's reduction by pi/2 in three fused steps, minimax polynomials on [-pi/4, pi/4] chosen and
  /// negated by the quadrant; beyond its range (|x| > 117435.992, for cosine 71476.0625) the C
  /// library's function. Element by element, so any array length gives the same bits.
  static func sineOrCosine(_ value: Float, cosine: Bool) -> Float {
    guard !value.isNaN else { return .nan }
    let limit: Float = cosine ? 71476.0625 : 117435.992
    guard value.magnitude <= limit else {
      return cosine ? Foundation.cos(value) : Foundation.sin(value)
    }
    let magic: Float = 0x1.800000p+23
    // x * 2/pi rounded to a whole number by adding and taking off 1.5 * 2^23; the compiler of
    // NumPy's wheels fuses the product into that sum (one rounding), which picks the other
    // quadrant where x * 2/pi rounds to a half (np.sin(np.float32(3283.75))).
    let quadrant = magic.addingProduct(value, 0x1.45f306p-1) - magic
    var reduced = value.addingProduct(quadrant, -0x1.921fb0p+00)
    reduced = reduced.addingProduct(quadrant, -0x1.5110b4p-22)
    reduced = reduced.addingProduct(quadrant, -0x1.846988p-48)
    let square = reduced * reduced
    var cosinePart = Float(-0x1.6c06dcp-10).addingProduct(0x1.98e616p-16, square)
    cosinePart = Float(0x1.55553cp-05).addingProduct(cosinePart, square)
    cosinePart = Float(-0x1.000000p-01).addingProduct(cosinePart, square)
    cosinePart = Float(1).addingProduct(cosinePart, square)
    var sinePart = Float(-0x1.a06bbap-13).addingProduct(0x1.7d3bbcp-19, square)
    sinePart = Float(0x1.11119ap-07).addingProduct(sinePart, square)
    sinePart = Float(-0x1.555556p-03).addingProduct(sinePart, square)
    sinePart = Float(0).addingProduct(sinePart, square)
    sinePart = reduced.addingProduct(sinePart, reduced)
    // The quadrant is a whole number of at most 2^17 here: exact as an Int32.
    let turn = Int32(quadrant) &+ (cosine ? 1 : 0)
    let result = turn & 1 == 0 ? sinePart : cosinePart
    return turn & 2 == 2 ? 0 - result : result
  }

  /// NumPy's float32 `exp` (`simd_exp_FLOAT`, AVX-512F): x = k ln 2 + r by Cody-Waite's two
  /// steps, exp(r) as a ratio of minimax polynomials (degree 5 over 2), scaled by 2^k; infinity
  /// from 88.72283935546875 up, zero from -103.97208404541015625 down.
  static func exponential(_ value: Float) -> Float {
    guard !value.isNaN else { return .nan }
    if value >= 88.72283935546875 { return .infinity }
    if value <= -103.97208404541015625 { return 0 }
    let magic: Float = 0x1.800000p+23
    var quadrant = value * 1.442695040888963407359924681001892137
    quadrant = (quadrant + magic) - magic
    var x = value.addingProduct(quadrant, -6.93145752e-1)
    x = x.addingProduct(quadrant, -1.42860677e-6)
    var numerator = Float(6.757896990527504603057e-03).addingProduct(5.082762527590693718096e-04, x)
    numerator = Float(5.114512081637298353406e-02).addingProduct(numerator, x)
    numerator = Float(2.473615434895520810817e-01).addingProduct(numerator, x)
    numerator = Float(7.257664613233124478488e-01).addingProduct(numerator, x)
    numerator = Float(9.999999999980870924916e-01).addingProduct(numerator, x)
    var denominator = Float(-2.742335390411667452936e-01).addingProduct(
      2.159509375685829852307e-02, x)
    denominator = Float(1).addingProduct(denominator, x)
    // `scalef`: the quotient times 2^k, rounded once (k is a whole number in [-150, 128]).
    return Float(Double(numerator / denominator) * Foundation.pow(2, Double(quadrant)))
  }

  /// NumPy's float32 `log` (`simd_log_FLOAT`, AVX-512F): x = m 2^e with m in [0.5, 1) (taken
  /// to [sqrt(1/2), sqrt 2)), log(m) as a ratio of minimax polynomials of degree 5 in m - 1, plus
  /// e ln 2 in one fused step.
  static func logarithm(_ value: Float) -> Float {
    if value.isNaN { return .nan }
    if value < 0 { return -Float.nan }
    if value == 0 { return -.infinity }
    if value == .infinity { return .infinity }
    // `getexp` + 1 and `getmant` to [0.5, 1): exact for normal and subnormal values.
    var exponent = Float(value.exponent + 1)
    var x = value.significand / 2
    if x <= 0.707106781186547524400844362104849039 {
      x = x + x
      exponent -= 1
    }
    x -= 1
    var numerator = Float(3.808837741388407920751e-01).addingProduct(2.589979117907922693523e-02, x)
    numerator = Float(1.480000633576506585156e+00).addingProduct(numerator, x)
    numerator = Float(2.112677543073053063722e+00).addingProduct(numerator, x)
    numerator = Float(9.999999999999998702752e-01).addingProduct(numerator, x)
    numerator = Float(0).addingProduct(numerator, x)
    var denominator = Float(1.546476374983906719538e-01).addingProduct(
      5.875095403124574342950e-03, x)
    denominator = Float(9.864942958519418960339e-01).addingProduct(denominator, x)
    denominator = Float(2.453006071784736363091e+00).addingProduct(denominator, x)
    denominator = Float(2.612677543073109236779e+00).addingProduct(denominator, x)
    denominator = Float(1).addingProduct(denominator, x)
    return (numerator / denominator).addingProduct(exponent, 0.693147180559945309417232121458176568)
  }

}
