import CNNKernels

/// Keras `MultiHeadAttention(num_heads, key_dim, value_dim=None, dropout=0.0, use_bias=True,
/// output_shape=None, attention_axes=None, ...)`, called as `mha(query, value, key=None)`.
///
/// Four `EinsumDense` sub-layers, whose weights Keras names `query/kernel`, `query/bias`, `key/...`,
/// `value/...`, `attention_output/...`:
/// - query (Cq, heads, key_dim), key (Ck, heads, key_dim), value (Cv, heads, value_dim), each with
///   a (heads, dim) bias;
/// - attention_output (heads, value_dim, *output_shape) with an (*output_shape) bias, where
///   `output_shape` defaults to the query's last axis.
/// The output has the query's shape with its last axis replaced by `output_shape`.
///
/// Multiply-accumulates follow the project's convention (products with learned weights only, as
/// `Dense` and `Conv` count them; `Dot` counts none): the four projections. The scores
/// (heads x Tq x Tk x key_dim) and the weighted sum of the values (heads x Tq x Tk x value_dim)
/// are products of activations, which ConvBook does not count, as for `Dot`.
public struct MultiHeadAttention: MultiInputLayer {
  public let common: LayerCommon
  public let heads: Int
  public let keyDimension: Int
  public let valueDimension: Int
  public let useBias: Bool
  /// The trailing output dimensions; nil keeps the query's last axis.
  public let outputDimensions: [Int]?
  /// `attention_axes` as given (negative counts from the end of the projected query); nil for
  /// every axis between the batch and the features.
  public let attentionAxes: [Int]?

  public var className: String { "MultiHeadAttention" }

  public static let signature = LayerSignature(
    "MultiHeadAttention",
    [
      .required("num_heads"), .required("key_dim"), .init("value_dim", .none),
      .init("dropout", .float(0)), .init("use_bias", .bool(true)), .init("output_shape", .none),
      .init("attention_axes", .none), .init("kernel_initializer", .string("glorot_uniform")),
      .init("bias_initializer", .string("zeros")), .init("kernel_regularizer", .none),
      .init("bias_regularizer", .none), .init("activity_regularizer", .none),
      .init("kernel_constraint", .none), .init("bias_constraint", .none),
    ])

  public init(_ common: LayerCommon) throws(KerasError) {
    self.common = common
    let arguments = common.arguments
    heads = try arguments.int("num_heads")
    keyDimension = try arguments.int("key_dim")
    // `value_dim if value_dim else key_dim`.
    let value = try arguments.optionalInt("value_dim")
    valueDimension = (value ?? 0) != 0 ? value! : keyDimension
    useBias = try arguments.bool("use_bias")
    switch arguments["output_shape"] {
    case .none, .int(0): outputDimensions = nil
    case .int(let size): outputDimensions = [size]
    case .tuple(let items), .list(let items):
      var sizes: [Int] = []
      for item in items {
        guard case .int(let size) = item else {
          throw .value("Invalid `output_shape`: \(arguments["output_shape"])")
        }
        sizes.append(size)
      }
      outputDimensions = sizes.isEmpty ? nil : sizes
    case let other:
      throw .value("Invalid `output_shape`: \(other)")
    }
    switch arguments["attention_axes"] {
    case .none: attentionAxes = nil
    case .int(let axis): attentionAxes = [axis]
    case .tuple(let items), .list(let items):
      var axes: [Int] = []
      for item in items {
        guard case .int(let axis) = item else {
          throw .limitation(
            "ConvBook does not support attention_axes=\(arguments["attention_axes"]) yet")
        }
        axes.append(axis)
      }
      attentionAxes = axes
    case let other:
      throw .limitation("ConvBook does not support attention_axes=\(other) yet")
    }
    for (name, size) in [("num_heads", heads), ("key_dim", keyDimension)] where size <= 0 {
      if common.kerasVersion == .keras3 {
        throw .value(
          "Received an invalid value for argument `\(name)`, expected a positive integer. Received: \(name)=\(size)"
        )
      }
      throw .limitation("ConvBook does not support MultiHeadAttention with \(name)=\(size) yet")
    }
    if valueDimension <= 0 || (outputDimensions ?? []).contains(where: { $0 <= 0 }) {
      throw .limitation(
        "ConvBook does not support MultiHeadAttention with a value_dim or output_shape below 1 yet")
    }
  }

  /// Called on one tensor: Python's refusal of a call without `value`.
  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    if common.kerasVersion == .keras3 { throw .typeError("missing a required argument: 'value'") }
    throw .typeError("MultiHeadAttention.call() missing 1 required positional argument: 'value'")
  }

  /// The attention axes of a query of `rank` (batch included), resolved as Keras' einsum builder
  /// does on the projected query (one more axis): sorted, each between the batch axis and the
  /// heads axis.
  public func resolvedAttentionAxes(rank: Int) throws(KerasError) -> [Int] {
    guard let attentionAxes else { return Array(1..<max(1, rank - 1)) }
    var resolved: [Int] = []
    for axis in attentionAxes {
      let index = axis < 0 ? axis + rank + 1 : axis
      guard index >= 1, index < rank - 1 else {
        throw .limitation(
          "ConvBook does not support attention_axes=\(common.arguments["attention_axes"]) for inputs of rank \(rank)"
        )
      }
      if !resolved.contains(index) { resolved.append(index) }
    }
    return resolved.sorted()
  }

  /// The shape of the attention scores a call with `return_attention_scores=True` also returns:
  /// the batch, the query's axes outside the attention, the heads, then the query's and the key's
  /// attention axes (`(N, heads, Tq, Tk)` for sequences). `key` defaults to the value.
  public func scoresShape(query: TensorShape, key: TensorShape) -> TensorShape {
    let axes = (try? resolvedAttentionAxes(rank: query.rank)) ?? []
    let inner = Array(1..<max(1, query.rank - 1))
    let others = inner.filter { !axes.contains($0) }.map { query[$0] }
    return TensorShape(
      [query[0]] + others + [heads] + axes.map { query[$0] } + axes.map { key[$0] })
  }

  /// query, value[, key] -> the query's shape with the last axis replaced by `output_shape`.
  public func outputShape(forInputs inputs: [TensorShape]) throws(KerasError) -> TensorShape {
    guard inputs.count == 2 || inputs.count == 3 else {
      throw .limitation("ConvBook calls MultiHeadAttention on a query, a value and a key only")
    }
    let query = inputs[0]
    let value = inputs[1]
    let key = inputs.count == 3 ? inputs[2] : value
    if query.rank < 3, common.kerasVersion == .keras3 {
      throw .limitation(
        "ConvBook does not support MultiHeadAttention on a query of rank \(query.rank) yet")
    }
    if query.rank < 3 {
      throw KerasError(
        "IndexError",
        "Exception encountered when calling layer 'softmax' (type Softmax).\n\ntuple index out of range\n\nCall arguments received by layer 'softmax' (type Softmax):\n  • inputs=tf.Tensor(shape=\(TensorShape([query.batch, heads])), dtype=float32)\n  • mask=None"
      )
    }
    for (shape, role) in [(query, "query"), (value, "value"), (key, "key")] {
      guard shape.rank == query.rank else {
        throw .limitation(
          "ConvBook does not support a MultiHeadAttention \(role) of rank \(shape.rank) with a query of rank \(query.rank) yet"
        )
      }
      guard shape[-1] != nil else {
        throw .limitation(
          "ConvBook does not support a MultiHeadAttention \(role) whose last axis is None")
      }
    }
    let axes = try resolvedAttentionAxes(rank: query.rank)
    // The einsums need the value's and key's positions to agree, and their batch-like axes (the
    // free axes that are not attended over) to agree with the query's.
    let free = Array(1..<(query.rank - 1))
    if common.kerasVersion == .keras3, value.dimensions.dropLast() != key.dimensions.dropLast() {
      throw .value(
        "All dimensions of `value` and `key`, except the last one, must be equal. Received: value_shape=\(value) and key_shape=\(key)"
      )
    }
    for axis in free {
      if value[axis] != nil, key[axis] != nil, value[axis] != key[axis] {
        throw .limitation(
          "ConvBook does not support a MultiHeadAttention key of shape \(key) with a value of shape \(value): Keras refuses it inside TensorFlow's einsum"
        )
      }
      if !axes.contains(axis), query[axis] != nil, value[axis] != nil, query[axis] != value[axis] {
        throw .limitation(
          "ConvBook does not support a MultiHeadAttention query of shape \(query) with a value of shape \(value) along the axis \(axis) that is not attended over"
        )
      }
    }
    var output = Array(query.dimensions.dropLast())
    output += outputDimensions?.map { Optional($0) } ?? [query[-1]]
    return TensorShape(output)
  }

  /// Weights for the shapes of a call's inputs (query, value[, key]).
  public func weights(forInputs inputs: [TensorShape]) -> [WeightSpec] {
    let query = inputs[0][-1] ?? 0
    let value = inputs.count > 1 ? inputs[1][-1] ?? 0 : query
    let key = inputs.count > 2 ? inputs[2][-1] ?? 0 : value
    let output = outputDimensions ?? [query]
    let kernel = common.arguments["kernel_initializer"]
    let bias = common.arguments["bias_initializer"]
    var specs: [WeightSpec] = []
    for (name, size, dimension) in [
      ("query", query, keyDimension), ("key", key, keyDimension), ("value", value, valueDimension),
    ] {
      specs.append(WeightSpec("\(name)/kernel", [size, heads, dimension], initializer: kernel))
      if useBias {
        specs.append(WeightSpec("\(name)/bias", [heads, dimension], initializer: bias))
      }
    }
    specs.append(
      WeightSpec("attention_output/kernel", [heads, valueDimension] + output, initializer: kernel))
    if useBias { specs.append(WeightSpec("attention_output/bias", output, initializer: bias)) }
    return specs
  }

  /// Self-attention shapes: what a layer built on one shape would create.
  public func weights(for input: TensorShape) -> [WeightSpec] {
    weights(forInputs: [input, input])
  }

  /// The four projections, per sample (see the type's comment).
  public func multiplyAccumulates(inputs: [TensorShape], output: TensorShape) throws(Exact.Overflow)
    -> Int
  {
    func positions(_ shape: TensorShape) throws(Exact.Overflow) -> Int {
      try Exact.product(shape.dimensions.dropFirst().dropLast().map { $0 ?? 0 })
    }
    let query = inputs[0]
    let value = inputs.count > 1 ? inputs[1] : query
    let key = inputs.count > 2 ? inputs[2] : value
    let outputSize = try Exact.product(outputDimensions ?? [query[-1] ?? 0])
    let perHeadKey = try Exact.multiply(heads, keyDimension)
    let perHeadValue = try Exact.multiply(heads, valueDimension)
    return try Exact.sum([
      Exact.product([positions(query), query[-1] ?? 0, perHeadKey]),
      Exact.product([positions(key), key[-1] ?? 0, perHeadKey]),
      Exact.product([positions(value), value[-1] ?? 0, perHeadValue]),
      Exact.product([positions(query), perHeadValue, outputSize]),
    ])
  }

  public func multiplyAccumulates(input: TensorShape, output: TensorShape) throws(Exact.Overflow)
    -> Int
  {
    try multiplyAccumulates(inputs: [input, input], output: output)
  }

  // MARK: Forward pass

  /// The layer ready to run: its projections packed as dense matrices over the last axis.
  struct Prepared {
    let query: PackedDenseWeights
    let key: PackedDenseWeights
    let value: PackedDenseWeights
    let output: PackedDenseWeights
    let layer: MultiHeadAttention
    /// `use_causal_mask=True`: a query position sees the keys up to its own.
    let causal: Bool
    /// Calls with `attention_mask=`: where the mask (batch, query steps, key steps) is among the
    /// inputs (`LayerInstance.attentionMaskPosition`).
    let attentionMaskPosition: Int?
    /// Keras 3's `query_mask=` / `value_mask=` / `key_mask=`: where each is among the inputs
    /// (`LayerInstance.callMaskPositions`; nil: not given); empty without them.
    let maskPositions: [Int?]

    /// Takes the weights of `instance` from `weights` (Keras' layouts, viewed as matrices).
    init(_ layer: MultiHeadAttention, instance: LayerInstance, weights: ModelWeights)
      throws(ForwardError)
    {
      self.layer = layer
      causal = instance.usesCausalMask ?? false
      attentionMaskPosition = instance.attentionMaskPosition.flatMap { $0 >= 0 ? $0 : nil }
      maskPositions = instance.callMaskPositions ?? []
      func matrix(_ name: String, rows: Int) throws(ForwardError) -> PackedDenseWeights {
        guard let kernel = weights.tensor(layer: instance.weightsName, weight: "\(name)/kernel")
        else {
          throw ForwardError(
            .weights,
            "missing weight \(instance.weightsName)/\(name)/kernel:0 for layer \"\(instance.name)\""
          )
        }
        let bias =
          layer.useBias ? weights.tensor(layer: instance.weightsName, weight: "\(name)/bias") : nil
        if layer.useBias, bias == nil {
          throw ForwardError(
            .weights,
            "missing weight \(instance.weightsName)/\(name)/bias:0 for layer \"\(instance.name)\"")
        }
        do {
          let columns = kernel.count / max(1, rows)
          return try PackedDenseWeights(
            kernel: kernel.reshaped([rows, columns]), bias: try bias?.reshaped([columns]))
        } catch {
          throw ForwardError(.weights, "layer \"\(instance.name)\": \(error.message)")
        }
      }
      guard let shapes = instance.callInputShapes ?? instance.inputShape.map({ [$0, $0] }) else {
        throw ForwardError(.model, "layer \"\(instance.name)\" is not built")
      }
      if causal, shapes[0].rank != 3 {
        throw ForwardError(
          .model,
          "ConvBook's forward pass supports use_causal_mask=True on sequences (3-D inputs) only (layer \"\(instance.name)\")"
        )
      }
      let specs = layer.weights(forInputs: shapes)
      func rows(_ name: String) -> Int {
        specs.first { $0.name == "\(name)/kernel" }?.shape.first ?? 0
      }
      query = try matrix("query", rows: rows("query"))
      key = try matrix("key", rows: rows("key"))
      value = try matrix("value", rows: rows("value"))
      output = try matrix("attention_output", rows: layer.heads * layer.valueDimension)
    }

    /// The keys Keras lets the queries see: those the value's mask and the key's mask both keep.
    static func keyMask(_ masks: [[Bool]?]) -> [Bool]? {
      let value = masks.count > 1 ? masks[1] : nil
      guard masks.count > 2, let key = masks[2] else { return value }
      guard let value else { return key }
      return zip(value, key).map { $0 && $1 }
    }

    /// query, value[, key] (Keras-checked shapes) -> output `outputShape`; `masks`: the Keras
    /// masks of those inputs (nil where none).
    func run(_ inputs: [Tensor], outputShape: [Int], masks: [[Bool]?] = []) throws(KernelError)
      -> Tensor
    {
      try runWithScores(inputs, outputShape: outputShape, scoresShape: nil, masks: masks).output
    }

    /// Like `run`, with the attention scores of `scoresShape` (`return_attention_scores=True`).
    func runWithScores(
      _ inputs: [Tensor], outputShape: [Int], scoresShape: [Int]?, masks: [[Bool]?] = []
    ) throws(KernelError) -> (output: Tensor, scores: Tensor?) {
      var inputs = inputs
      var masks = masks
      // Keras keeps the scores where the mask is nonzero (cast to bool), broadcast over heads.
      var pairMask: [Bool]?
      if maskPositions.contains(where: { $0 != nil }) {
        // Keras 3 takes the query's mask from the query alone (its `call` replaces a given
        // `query_mask` with it); a given value or key mask replaces the one the tensor carries.
        func given(_ role: Int) -> [Bool]? {
          guard role < maskPositions.count, let position = maskPositions[role] else { return nil }
          return inputs[position].withUnsafeBufferPointer { values in values.map { $0 != 0 } }
        }
        let stripped = Set(
          maskPositions.compactMap { $0 } + (attentionMaskPosition.map { [$0] } ?? []))
        if let position = attentionMaskPosition, position < inputs.count {
          pairMask = inputs[position].withUnsafeBufferPointer { values in values.map { $0 != 0 } }
        }
        let kept = inputs.indices.filter { !stripped.contains($0) }
        let carried = kept.map { $0 < masks.count ? masks[$0] : nil }
        let value = given(1) ?? (carried.count > 1 ? carried[1] : nil)
        let key = given(2) ?? (carried.count > 2 ? carried[2] : nil)
        masks = [carried.first ?? nil, value] + (kept.count > 2 || key != nil ? [key] : [])
        inputs = kept.map { inputs[$0] }
      } else if let position = attentionMaskPosition, position < inputs.count {
        let mask = inputs.remove(at: position)
        if position < masks.count { masks.remove(at: position) }
        pairMask = mask.withUnsafeBufferPointer { values in values.map { $0 != 0 } }
      }
      let rank = inputs[0].rank
      let axes: [Int]
      do {
        axes = try layer.resolvedAttentionAxes(rank: rank)
      } catch {
        throw KernelError(error.message)
      }
      let heads = layer.heads
      var query = try DenseKernel.apply(inputs[0], weights: self.query)
      // Keras scales the projected query by 1/sqrt(key_dim) before the scores.
      let scale = Float(1.0 / Double(layer.keyDimension).squareRoot())
      ElementwiseKernel.apply(&query, scalar: scale, .multiply, scalarFirst: false)
      let keySource = inputs.count > 2 ? inputs[2] : inputs[1]
      let key = try DenseKernel.apply(keySource, weights: self.key)
      let value = try DenseKernel.apply(inputs[1], weights: self.value)
      let (context, scores) = try AttentionKernel.multiHeadWithScores(
        query: query, queryPositions: Array(inputs[0].shape.dropFirst().dropLast()),
        key: key, value: value, keyPositions: Array(keySource.shape.dropFirst().dropLast()),
        heads: heads, attentionAxes: axes.map { $0 - 1 }, causal: causal,
        keepScores: scoresShape != nil, queryMask: masks.first ?? nil,
        keyMask: Self.keyMask(masks), pairMask: pairMask)
      let flat = try context.reshaped(
        Array(inputs[0].shape.dropLast()) + [heads * layer.valueDimension])
      let result = try DenseKernel.apply(flat, weights: output).reshaped(outputShape)
      guard let scoresShape else { return (result, nil) }
      return (result, try Tensor(shape: scoresShape, scalars: scores))
    }
  }
}

// MARK: Forward pass

extension MultiHeadAttention {
  /// The four projections, packed as (rows, columns) dense matrices.
  public func packedWeightValues(input: TensorShape, weights: [WeightSpec]) throws(Exact.Overflow)
    -> Int
  {
    var total = 0
    for spec in weights where spec.name.hasSuffix("/kernel") && spec.shape.count >= 2 {
      let rows = spec.name.hasPrefix("attention_output") ? 2 : 1
      let matrix = [
        try Exact.product(spec.shape.prefix(rows)), try Exact.product(spec.shape.dropFirst(rows)),
      ]
      total = try Exact.add(total, ForwardPlan.blockedValues(kernel: matrix, groups: 1))
    }
    return total
  }

  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    .merge(
      .multiHeadAttention(
        try Prepared(self, instance: preparation.instance, weights: preparation.modelWeights())))
  }
}

// MARK: Settings

extension MultiHeadAttention {
  /// None that code reads back through ConvBook yet.
  public func setting(_ name: String) -> LayerSetting? {
    nil
  }
}
