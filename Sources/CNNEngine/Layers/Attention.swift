import CNNKernels

/// Keras `Attention(use_scale=False, score_mode="dot", dropout=0.0)` (Luong-style) and
/// `AdditiveAttention(use_scale=True, dropout=0.0)` (Bahdanau-style), called on
/// `[query, value]` or `[query, value, key]` (key defaults to value).
///
/// query (B, Tq, D), value (B, Tv, Dv), key (B, Tv, D) -> (B, Tq, Dv); higher ranks batch over the
/// axes before the last two (TensorFlow's batched matrix products). Weights: `Attention` a
/// scalar `scale` with `use_scale`, and a scalar `concat_score_weight` with `score_mode="concat"`;
/// `AdditiveAttention` a `scale` of the value's last axis with `use_scale`. Neither has weight
/// products, so no multiply-accumulates are counted (as for `Dot`; see `Layer.multiplyAccumulates`).
public struct Attention: MultiInputLayer {
  public enum Kind: Sendable { case luong, additive }

  public let common: LayerCommon
  public let kind: Kind
  public let useScale: Bool
  /// `dot` or `concat` (`Attention` only).
  public let scoreMode: String

  public var className: String { kind == .luong ? "Attention" : "AdditiveAttention" }

  public static func signature(kind: Kind) -> LayerSignature {
    switch kind {
    case .luong:
      return LayerSignature(
        "Attention",
        [
          .init("use_scale", .bool(false)), .init("score_mode", .string("dot")),
          .init("dropout", .float(0)),
        ])
    case .additive:
      return LayerSignature(
        "AdditiveAttention", [.init("use_scale", .bool(true)), .init("dropout", .float(0))])
    }
  }

  public init(kind: Kind, _ common: LayerCommon) throws(KerasError) {
    self.common = common
    self.kind = kind
    useScale = try common.arguments.bool("use_scale")
    if kind == .luong {
      scoreMode = try common.arguments.string("score_mode") ?? "None"
      guard scoreMode == "dot" || scoreMode == "concat" else {
        if common.kerasVersion == .keras3 {
          throw .value(
            "Invalid value for argument score_mode. Expected one of {'dot', 'concat'}. Received: score_mode=\(scoreMode)"
          )
        }
        throw .value(
          "Received: score_mode=\(scoreMode). Acceptable values are: [\"dot\", \"concat\"]")
      }
    } else {
      scoreMode = "additive"
    }
  }

  /// Called on one tensor: tf-keras' `_validate_call_args`.
  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    if common.kerasVersion == .keras3 {
      throw .value(
        "\(className) layer must be called on a list of inputs, namely [query, value] or [query, value, key]. Received: inputs=\(input)."
      )
    }
    let message =
      "\(className) layer must be called on a list of inputs, namely [query, value] or [query, value, key]. Received: Tensor(\"Placeholder:0\", shape=\(input), dtype=float32)."
    return try Self.wrapped(layer: name, className: className, input: "\(input)", message)
  }

  /// tf-keras' wrapping of an error raised in `call`, with the arguments an attention layer's call
  /// receives.
  static func wrapped(layer: String, className: String, input: String, _ message: String)
    throws(KerasError) -> TensorShape
  {
    throw .value(
      "Exception encountered when calling layer \"\(layer)\" (type \(className)).\n\n\(message)\n\n"
        + "Call arguments received by layer \"\(layer)\" (type \(className)):\n"
        + "  • inputs=tf.Tensor(shape=\(input), dtype=float32)\n  • mask=None\n  • training=None\n"
        + "  • return_attention_scores=False\n  • use_causal_mask=False")
  }

  /// [query, value] or [query, value, key] -> the query's shape with the value's last axis.
  public func outputShape(forInputs inputs: [TensorShape]) throws(KerasError) -> TensorShape {
    guard inputs.count == 2 || inputs.count == 3 else {
      throw .value(
        "\(className) layer accepts inputs list of length 2 or 3, namely [query, value] or [query, value, key]. Received length: \(inputs.count)."
      )
    }
    let query = inputs[0]
    let value = inputs[1]
    let key = inputs.count == 3 ? inputs[2] : value
    guard query.rank >= 3, value.rank == query.rank, key.rank == query.rank else {
      throw .limitation(
        "ConvBook supports \(className) on inputs of one rank, at least 3 (batch, ..., steps, features); got \(inputs.map(\.description).joined(separator: ", "))"
      )
    }
    let compatible = { (a: Int?, b: Int?) in a == nil || b == nil || a == b }
    // The matrix products batch over the axes before the last two, which must agree.
    let batchAxes = 1..<(query.rank - 2)
    let batched = batchAxes.allSatisfy {
      compatible(query[$0], key[$0]) && compatible(key[$0], value[$0])
    }
    guard batched, compatible(query[-1], key[-1]), compatible(key[-2], value[-2]) else {
      throw .limitation(
        "ConvBook does not support \(className) on a query \(query), value \(value) and key \(key) that TensorFlow's matrix products refuse"
      )
    }
    return TensorShape(Array(query.dimensions.dropLast()) + [value[-1]])
  }

  public func weights(forInputs inputs: [TensorShape]) -> [WeightSpec] {
    var specs: [WeightSpec] = []
    switch kind {
    case .luong:
      if useScale { specs.append(WeightSpec("scale", [], initializer: .string("ones"))) }
      if scoreMode == "concat" {
        specs.append(WeightSpec("concat_score_weight", [], initializer: .string("ones")))
      }
    case .additive:
      let size = (inputs.count > 1 ? inputs[1] : inputs[0])[-1] ?? 0
      if useScale {
        specs.append(WeightSpec("scale", [size], initializer: .string("glorot_uniform")))
      }
    }
    return specs
  }

  public func weights(for input: TensorShape) -> [WeightSpec] {
    weights(forInputs: [input, input])
  }

  // MARK: Forward pass

  /// The layer with its learned scalars read, ready to run.
  struct Prepared {
    let score: AttentionKernel.Score
    /// `use_causal_mask=True`: a query step sees the keys up to its own.
    let causal: Bool
    /// `mask=[query_mask, value_mask]`: where each is among the inputs (nil: not given).
    let maskPositions: [Int?]

    init(_ layer: Attention, instance: LayerInstance, weights: ModelWeights) throws(ForwardError) {
      causal = instance.usesCausalMask ?? false
      maskPositions = instance.callMaskPositions ?? []
      func weight(_ name: String) throws(ForwardError) -> [Float] {
        guard let tensor = weights.tensor(layer: instance.weightsName, weight: name) else {
          throw ForwardError(
            .weights,
            "missing weight \(instance.weightsName)/\(name):0 for layer \"\(instance.name)\"")
        }
        return tensor.scalars
      }
      switch (layer.kind, layer.scoreMode) {
      case (.luong, "concat"):
        score = .concat(
          scale: layer.useScale ? try weight("scale").first : nil,
          weight: try weight("concat_score_weight").first ?? 1)
      case (.luong, _):
        score = .dot(scale: layer.useScale ? try weight("scale").first : nil)
      case (.additive, _):
        score = .additive(scale: layer.useScale ? try weight("scale") : nil)
      }
    }

    /// [query, value, key?] -> (B, ..., Tq, Dv); the axes before the last two are folded into the
    /// batch.
    /// `masks`: the Keras masks of the query and the value (nil where none; sequences only).
    func run(_ given: [Tensor], masks carried: [[Bool]?] = []) throws(KernelError) -> Tensor {
      // Masks given as `mask=` replace the ones the tensors carry, as in Keras (nonzero: kept).
      var masks = carried
      var inputs = given
      if maskPositions.contains(where: { $0 != nil }) {
        masks = maskPositions.map { position in
          position.map { given[$0].scalars.map { $0 != 0 } }
        }
        let positions = Set(maskPositions.compactMap { $0 })
        inputs = given.enumerated().filter { !positions.contains($0.offset) }.map(\.element)
      }
      func folded(_ tensor: Tensor) throws(KernelError) -> Tensor {
        let shape = tensor.shape
        let batch = shape.dropLast(2).reduce(1, *)
        return try tensor.reshaped([batch] + shape.suffix(2))
      }
      let query = inputs[0]
      let output = try AttentionKernel.sequence(
        query: folded(query), key: folded(inputs.count > 2 ? inputs[2] : inputs[1]),
        value: folded(inputs[1]), score: score, causal: causal,
        queryMask: query.rank == 3 ? masks.first ?? nil : nil,
        keyMask: query.rank == 3 && masks.count > 1 ? masks[1] : nil)
      return try output.reshaped(Array(query.shape.dropLast()) + [output.shape[2]])
    }
  }
}

// MARK: Cost

extension Attention {
  /// None: the forward pass reads the weights as they are.
  public func packedWeightValues(input: TensorShape, weights: [WeightSpec]) throws(Exact.Overflow)
    -> Int
  { 0 }

  /// None with learned weights: the scores and the weighted sum multiply inputs by inputs.
  public func multiplyAccumulates(input: TensorShape, output: TensorShape) throws(Exact.Overflow)
    -> Int
  { 0 }
}

// MARK: Forward pass

extension Attention {
  /// Keras 3's `Attention.compute_mask` (and `AdditiveAttention`'s, its subclass): the output's
  /// mask is `convert_to_tensor` of the query's, an operation of the graph.
  public var symbolicMasking: SymbolicMasking {
    SymbolicMasking(carries: maskEffect == .carry, convertsFirstMask: [.convertToTensor])
  }

  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    .merge(
      .attention(
        try Prepared(self, instance: preparation.instance, weights: preparation.modelWeights())))
  }
}

// MARK: Settings

extension Attention {
  /// None that code reads back through ConvBook yet.
  public func setting(_ name: String) -> LayerSetting? {
    nil
  }
}
