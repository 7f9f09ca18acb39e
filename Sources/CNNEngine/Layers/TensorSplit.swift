/// `tf.split(x, n_or_sizes, axis)` and `tf.unstack(x, axis)` on a Keras tensor (Keras 3:
/// `keras.ops.split` / `keras.ops.unstack`): one call that returns a list of tensors. tf-keras
/// records it as one `TFOpLambda` (`tf.split`, `tf.unstack`) whose outputs are `tf.split[0][k]`;
/// Keras 3 as the operation `split (Split)` / `unstack (Unstack)`. Each output is a slice of the
/// input along `axis`, so shapes, the forward pass and gradients are those of `TensorSlice`.
public struct TensorSplit: TensorOperationLayer {
  public enum Pieces: Sendable, Equatable {
    /// Consecutive pieces of these sizes along the axis (the axis is kept).
    case sizes([Int])
    /// One piece per position along the axis, which is dropped (`unstack`).
    case positions(Int)
  }

  public let common: LayerCommon
  /// The axis, counted from 0 (made non-negative with the input's rank when the call is made).
  public let axis: Int
  public let pieces: Pieces
  public let isKeras3Operation: Bool

  public var className: String {
    guard isKeras3Operation else { return "TFOpLambda" }
    if case .positions = pieces { return "Unstack" }
    return "Split"
  }

  /// `name`: `tf.split` / `tf.unstack` (Keras 3: `split` / `unstack`) made unique in the session.
  public init(axis: Int, pieces: Pieces, name: String, isKeras3Operation: Bool = false) {
    self.axis = axis
    self.pieces = pieces
    self.isKeras3Operation = isKeras3Operation
    var className = "TFOpLambda"
    if isKeras3Operation {
      if case .positions = pieces { className = "Unstack" } else { className = "Split" }
    }
    common = LayerCommon(name: name, arguments: LayerArguments(className: className, values: [:]))
  }

  /// The slice that gives each output.
  public var slices: [TensorSlice] {
    let leading = [TensorSlice.Item](
      repeating: .range(start: nil, stop: nil, step: nil), count: axis)
    switch pieces {
    case .sizes(let sizes):
      var start = 0
      return sizes.map { size in
        defer { start += size }
        return TensorSlice(leading + [.range(start: start, stop: start + size, step: nil)])
      }
    case .positions(let count):
      return (0..<count).map { TensorSlice(leading + [.index($0)]) }
    }
  }

  /// The shapes of the outputs, in order.
  public func outputShapes(forInputs inputs: [TensorShape]) throws(KerasError) -> [TensorShape] {
    let input = inputs[0]
    guard axis < input.rank else {
      throw .value(
        "Exception encountered when calling layer \"\(name)\" (type \(className)): axis \(axis) is out of bounds for a tensor of rank \(input.rank)"
      )
    }
    var shapes: [TensorShape] = []
    for slice in slices { shapes.append(try slice.outputShape(input, name: name)) }
    return shapes
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    try outputShapes(forInputs: [input])[0]
  }

  public func outputShape(forInputs inputs: [TensorShape]) throws(KerasError) -> TensorShape {
    try outputShapes(forInputs: inputs)[0]
  }

  public func outputShapes(forInputs inputs: [TensorShape], values: [[Int?]?]) throws(KerasError)
    -> [TensorShape]
  { try outputShapes(forInputs: inputs) }
}

// MARK: Forward pass

extension TensorSplit {
  /// One slice of the input per output.
  public var forwardOperation: ForwardPlan? { .merge(.split(slices)) }
}

// MARK: Settings

extension TensorSplit {
  /// None that code reads back through ConvBook yet.
  public func setting(_ name: String) -> LayerSetting? {
    nil
  }
}
