/// What a built layer (or a whole model) counts, computed once with checked arithmetic when it is
/// built: parameters, their bytes, multiply-accumulates and output values of one sample.
///
/// A model only ever holds layers whose counts fit in 64 bits, and keeps its running totals checked
/// too; so every later sum (summaries, figures, `count_params`) is exact without checks of its own.
public struct LayerCounts: Sendable, Equatable {
  public var parameters = 0
  /// Bytes of the weights (4 per float32 value, 8 per int64 one).
  public var parameterBytes = 0
  /// Per sample; see `Layer.multiplyAccumulates`.
  public var multiplyAccumulates = 0
  /// float32 bytes of one sample of the output; 0 while a dimension is unknown. A model's totals
  /// count its input too (what `ShapeTrace.totalActivationBytes` adds up); a nested model's input
  /// is then counted twice, which only makes the overflow check stricter.
  public var activationBytes = 0

  public init() {}

  /// The most the weights of one layer, or of one model, may take: 16 GiB, more memory than a
  /// student's machine has. Keras allocates a layer's weights when it builds it (tf-keras and
  /// Keras 3 alike: a `Dense(10**12)` fails there with TensorFlow's ResourceExhaustedError, out
  /// of memory, and prints no summary); ConvBook holds no weights until a pass needs them, so
  /// it could print the summary of a model no machine can build. Beyond this size it refuses
  /// the layer (or the model) where Keras would allocate it instead. Below it, a model too large
  /// to run within the model memory budget (2 GiB) still gets its summary and shapes, as Keras
  /// gives them on a machine with the memory.
  public static let weightLimit = 16 << 30

  /// Refuses counts whose weights exceed `weightLimit`, naming the layer or model.
  static func checkWeights(_ counts: LayerCounts, of kind: String, _ owner: String)
    throws(KerasError)
  {
    guard counts.parameterBytes > weightLimit else { return }
    throw .limitation(
      "ConvBook does not build a \(kind) whose weights take more than \(MemoryEstimate.format(weightLimit)): \"\(owner)\" would hold \(counts.parameters) parameters (\(MemoryEstimate.format(counts.parameterBytes))), which Keras allocates when it builds \(kind == "layer" ? "the layer" : "its layers")"
    )
  }

  /// The counts of `layer` built for `input` with output `output`; an overflow is refused as
  /// ConvBook's refusal naming the layer and the quantity.
  static func measure(_ layer: any Layer, input: TensorShape, output: TensorShape)
    throws(KerasError) -> LayerCounts
  {
    try measure(layer, inputs: [input], output: output)
  }

  /// The counts of a layer called on `inputs` (a list for a `MultiInputLayer`).
  static func measure(_ layer: any Layer, inputs: [TensorShape], output: TensorShape)
    throws(KerasError) -> LayerCounts
  {
    var counts = LayerCounts()
    let multi = inputs.count > 1 ? layer as? any MultiInputLayer : nil
    let input = inputs[0]
    let weights = multi?.weights(forInputs: inputs) ?? layer.weights(for: input)
    for spec in weights {
      let values = try check("parameter count", of: layer.name) { () throws(Exact.Overflow) in
        try spec.exactCount()
      }
      counts.parameters = try check("parameter count", of: layer.name) {
        () throws(Exact.Overflow) in try Exact.add(counts.parameters, values)
      }
      counts.parameterBytes = try check("size of the weights", of: layer.name) {
        () throws(Exact.Overflow) in
        try Exact.add(
          counts.parameterBytes, Exact.multiply(values, weightBytes(of: layer, spec: spec)))
      }
    }
    try checkWeights(counts, of: "layer", layer.name)
    counts.multiplyAccumulates = try check("multiply-accumulate count", of: layer.name) {
      () throws(Exact.Overflow) in
      if let multi { return try multi.multiplyAccumulates(inputs: inputs, output: output) }
      return try layer.multiplyAccumulates(input: input, output: output)
    }
    counts.activationBytes = try activationBytes(of: output, owner: layer.name)
    return counts
  }

  /// float32 bytes of one sample of `shape` (0 while a dimension is unknown), refused beyond 64
  /// bits as the `quantity` of `owner`.
  static func activationBytes(
    of shape: TensorShape, owner: String, quantity: String = "output size"
  ) throws(KerasError) -> Int {
    try check(quantity, of: owner) { () throws(Exact.Overflow) in
      try Exact.multiply(shape.exactValuesPerSample() ?? 0, 4)
    }
  }

  /// The sum of two counts, refused beyond 64 bits as a total of the model `owner`.
  func adding(_ other: LayerCounts, owner: String) throws(KerasError) -> LayerCounts {
    var total = LayerCounts()
    total.parameters = try Self.check("parameter count", of: owner) { () throws(Exact.Overflow) in
      try Exact.add(parameters, other.parameters)
    }
    total.parameterBytes = try Self.check("size of the weights", of: owner) {
      () throws(Exact.Overflow) in try Exact.add(parameterBytes, other.parameterBytes)
    }
    try Self.checkWeights(total, of: "model", owner)
    total.multiplyAccumulates = try Self.check("multiply-accumulate count", of: owner) {
      () throws(Exact.Overflow) in try Exact.add(multiplyAccumulates, other.multiplyAccumulates)
    }
    total.activationBytes = try Self.check("activation size", of: owner) {
      () throws(Exact.Overflow) in try Exact.add(activationBytes, other.activationBytes)
    }
    return total
  }

  private static func check<T>(
    _ quantity: String, of owner: String, _ body: () throws(Exact.Overflow) -> T
  ) throws(KerasError) -> T {
    do {
      return try body()
    } catch {
      throw .overflow(quantity, of: owner)
    }
  }
}

/// The bytes of one value of a layer's weight, as the summary's sizes count them: a float weight
/// of a layer made with `dtype="float64"` takes 8 bytes, `float16`/`bfloat16` 2 (a mixed policy,
/// `mixed_float16`, keeps its weights in float32); other weights keep their own size.
func weightBytes(of layer: any Layer, spec: WeightSpec) -> Int {
  guard spec.bytesPerValue == 4,
    let name = LayerPrecision.name(of: layer.common.arguments["dtype"])
  else { return spec.bytesPerValue }
  switch LayerPrecision.variableDType(of: name) {
  case "float64": return 8
  case "float16", "bfloat16": return 2
  default: return 4
  }
}
