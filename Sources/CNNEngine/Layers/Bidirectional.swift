import CNNKernels

/// `Bidirectional(layer, merge_mode='concat', backward_layer=None)`: runs a recurrent layer
/// forwards and a copy of it (or `backward_layer`) backwards over the same sequence and merges
/// the two outputs.
///
/// Keras recreates both layers from their configurations, named `forward_<name>` and
/// `backward_<name>` (the wrapped layer keeps its own name, which it used up when it was made);
/// their weights are the Bidirectional's, `bidirectional/forward_lstm/lstm_cell/kernel:0`, ...
/// Output: the layer's, with the last axis doubled for `concat`; `merge_mode=None` returns both
/// directions' outputs. With `return_state=True` the forward layer's states follow, then the
/// backward layer's; `initial_state=` takes the forward states, then the backward ones.
public struct Bidirectional: MultiOutputLayer {
  public enum MergeMode: String, Sendable {
    case concat, sum, mul, ave
  }

  public let common: LayerCommon
  public let forwardLayer: Recurrent
  public let backwardLayer: Recurrent
  /// nil for `merge_mode=None`: both outputs are returned.
  public let mergeMode: MergeMode?

  public var className: String { "Bidirectional" }

  public static let signature = LayerSignature(
    "Bidirectional",
    [
      .required("layer"), .init("merge_mode", .string("concat")), .init("weights", .none),
      .init("backward_layer", .none),
    ])

  /// `layer` and `backward_layer` are the layer objects the cell passed (their arguments in
  /// `common` are placeholders).
  public init(_ common: LayerCommon, layer: any Layer, backwardLayer given: (any Layer)?)
    throws(KerasError)
  {
    self.common = common
    mergeMode = try Self.mergeMode(common.arguments)
    guard var forward = layer as? Recurrent else {
      throw .limitation(
        "ConvBook does not support Bidirectional around a \(layer.className) yet: it wraps SimpleRNN, LSTM and GRU"
      )
    }
    var backward: Recurrent
    if let given {
      guard let recurrent = given as? Recurrent else {
        throw .limitation(
          "ConvBook does not support a \(given.className) as backward_layer yet: it wraps SimpleRNN, LSTM and GRU"
        )
      }
      backward = recurrent
      if backward.goBackwards == forward.goBackwards {
        throw .value(
          "Forward layer and backward layer should have different `go_backwards` value.forward_layer.go_backwards = \(ArgumentValue.bool(forward.goBackwards).description),backward_layer.go_backwards = \(ArgumentValue.bool(backward.goBackwards).description)"
        )
      }
      if backward.returnSequences != forward.returnSequences {
        throw .value(
          "Forward layer and backward layer are expected to have the same value for attribute \"return_sequences\", got \"\(ArgumentValue.bool(forward.returnSequences).description)\" for forward layer and \"\(ArgumentValue.bool(backward.returnSequences).description)\" for backward layer"
        )
      }
    } else {
      backward = forward
      backward.goBackwards.toggle()
    }
    let backwardName = "backward_" + backward.name
    forward.common.name = "forward_" + forward.name
    forward.weightPrefix = forward.name + "/"
    backward.common.name = backwardName
    backward.weightPrefix = backwardName + "/"
    forwardLayer = forward
    backwardLayer = backward
  }

  /// `merge_mode`, which Keras checks before the layer takes its name.
  static func mergeMode(_ arguments: LayerArguments) throws(KerasError) -> MergeMode? {
    switch arguments["merge_mode"] {
    case .none: return nil
    case .string(let text) where MergeMode(rawValue: text) != nil:
      return MergeMode(rawValue: text)!
    case let other:
      throw .value(
        "Invalid merge mode. Received: \(other.plainDescription). Merge mode should be one of {\"sum\", \"mul\", \"ave\", \"concat\", None}"
      )
    }
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    let forward = try forwardLayer.outputShape(for: input)
    _ = try backwardLayer.outputShape(for: input)
    guard mergeMode == .concat else { return forward }
    var dimensions = forward.dimensions
    if let units = dimensions[dimensions.count - 1] {
      // Checked: the two directions' units side by side can pass Int.max (SimpleRNN(2**62)).
      dimensions[dimensions.count - 1] = try exactly("output shape") {
        () throws(Exact.Overflow) in try Exact.multiply(2, units)
      }
    }
    return TensorShape(dimensions)
  }

  public func outputShapes(for input: TensorShape, states: [TensorShape]) throws(KerasError)
    -> [TensorShape]
  {
    let output = try outputShape(for: input)
    let count = forwardLayer.stateCount
    if !states.isEmpty {
      guard states.count == 2 * count else {
        throw .limitation(
          "ConvBook does not support initial_state with \(states.count) tensors in Bidirectional \"\(name)\": it takes \(count) forward state\(count == 1 ? "" : "s") then \(count) backward"
        )
      }
      _ = try forwardLayer.outputShapes(for: input, states: Array(states[..<count]))
      _ = try backwardLayer.outputShapes(for: input, states: Array(states[count...]))
    }
    let outputs = mergeMode == nil ? [output, output] : [output]
    guard forwardLayer.returnState else { return outputs }
    return outputs + Array(repeating: TensorShape([input[0], forwardLayer.units]), count: count)
      + Array(repeating: TensorShape([input[0], backwardLayer.units]), count: count)
  }

  public func weights(for input: TensorShape) -> [WeightSpec] {
    forwardLayer.weights(for: input) + backwardLayer.weights(for: input)
  }

  public func multiplyAccumulates(input: TensorShape, output: TensorShape) throws(Exact.Overflow)
    -> Int
  {
    let forward = try forwardLayer.outputShape(forMeasuring: input)
    let backward = try backwardLayer.outputShape(forMeasuring: input)
    return try Exact.add(
      forwardLayer.multiplyAccumulates(input: input, output: forward),
      backwardLayer.multiplyAccumulates(input: input, output: backward))
  }
}

extension Recurrent {
  /// The output shape for counting: the input was checked when the wrapper was built.
  fileprivate func outputShape(forMeasuring input: TensorShape) throws(Exact.Overflow)
    -> TensorShape
  {
    returnSequences ? TensorShape([input[0], input[1], units]) : TensorShape([input[0], units])
  }
}

// MARK: Forward pass

extension Bidirectional {
  public var maskEffect: MaskEffect { .own }
  public var symbolicMasking: SymbolicMasking {
    SymbolicMasking(takes: true, carries: forwardLayer.returnSequences)
  }

  /// Both directions' packed weights.
  public func packedWeightValues(input: TensorShape, weights: [WeightSpec]) throws(Exact.Overflow)
    -> Int
  {
    try Exact.add(
      forwardLayer.packedWeightValues(input: input),
      backwardLayer.packedWeightValues(input: input))
  }

  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    .step(
      .recurrent(
        try RecurrentForward(
          self, weight: preparation.weight, name: preparation.instance.name,
          engine: preparation.engine)))
  }
}

// MARK: Training

extension Bidirectional {
  public func trainingPlan(_ preparation: TrainingPreparation) throws(TrainingError) -> TrainingPlan
  {
    .step(.recurrent(try RecurrentTrainingStep(self, refuse: preparation.refuse)))
  }
}

// MARK: Settings

extension Bidirectional {
  public func setting(_ name: String) -> LayerSetting? {
    switch name {
    case "merge_mode": mergeMode.map { .string($0.rawValue) } ?? LayerSetting.none
    case "return_sequences": .bool(forwardLayer.returnSequences)
    default: nil
    }
  }
}
