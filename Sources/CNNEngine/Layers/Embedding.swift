/// `Embedding`: a lookup table of `input_dim` vectors of `output_dim` values, indexed by integer
/// token ids.
///
/// (batch, seq...) -> (batch, seq..., output_dim); parameters input_dim*output_dim. Without
/// `input_shape=`, tf-keras declares `input_shape=(input_length,)` (or `(None,)`), so an Embedding
/// first in a Sequential builds it at once, with the hidden input layer `embedding_input`; Keras 3
/// declares nothing (`LayerCatalog.make` decides by the session's version).
public struct Embedding: WeightAttributeLayer {
  public let common: LayerCommon
  public let inputDim: Int
  public let outputDim: Int
  public let maskZero: Bool

  public var className: String { "Embedding" }

  public static let signature = LayerSignature(
    "Embedding",
    [
      .required("input_dim"), .required("output_dim"),
      .init("embeddings_initializer", .string("uniform")), .init("embeddings_regularizer", .none),
      .init("activity_regularizer", .none), .init("embeddings_constraint", .none),
      .init("mask_zero", .bool(false)), .init("input_length", .none), .init("sparse", .bool(false)),
    ])

  public init(_ common: LayerCommon) throws(KerasError) {
    let arguments = common.arguments
    self.common = common
    for name in ["input_dim", "output_dim"] {
      guard case .bool(let flag) = arguments[name] else { continue }
      if common.kerasVersion == .keras3 {
        // Keras 3 takes no bool for a size.
        throw .value(
          "`\(name)` must be a positive integer. Received: \(name)=\(flag ? "True" : "False") (of type bool)."
        )
      }
      if flag {
        // tf-keras fails to build its weights from a size of True, in TensorFlow's words.
        throw .limitation("ConvBook does not support Embedding(\(name)=True) in tf-keras yet")
      }
    }
    inputDim = try arguments.int("input_dim")
    outputDim = try arguments.int("output_dim")
    if inputDim <= 0 || outputDim <= 0 {
      throw .value(
        "Both `input_dim` and `output_dim` should be positive, Received input_dim = \(arguments["input_dim"]) and output_dim = \(arguments["output_dim"])"
      )
    }
    maskZero = try arguments.bool("mask_zero")
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    TensorShape(input.dimensions + [outputDim])
  }

  public func weights(for input: TensorShape) -> [WeightSpec] {
    [
      WeightSpec(
        "embeddings", [inputDim, outputDim],
        initializer: common.arguments["embeddings_initializer"])
    ]
  }
}

// MARK: Cost

extension Embedding {
  /// None: a lookup multiplies nothing.
  public func multiplyAccumulates(input: TensorShape, output: TensorShape) throws(Exact.Overflow)
    -> Int
  { 0 }
}

// MARK: Forward pass

extension Embedding {
  public var maskEffect: MaskEffect { maskZero ? .own : .drop }
  public var symbolicMasking: SymbolicMasking {
    SymbolicMasking(makes: maskZero ? [.notEqual] : [])
  }

  /// None: the forward pass reads the weights as they are.
  public func packedWeightValues(input: TensorShape, weights: [WeightSpec]) throws(Exact.Overflow)
    -> Int
  { 0 }

  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    .step(.embedding(try preparation.weight("embeddings")))
  }
}

// MARK: Training

extension Embedding {
  public func trainingPlan(_ preparation: TrainingPreparation) throws(TrainingError) -> TrainingPlan
  {
    .step(.embedding)
  }
}

// MARK: Settings

extension Embedding {
  public func setting(_ name: String) -> LayerSetting? {
    switch name {
    case "input_dim": .int(inputDim)
    case "output_dim": .int(outputDim)
    case "mask_zero": .bool(maskZero)
    default: nil
    }
  }
}

// MARK: Python attributes

extension Embedding {
  /// `embeddings`.
  public var weightAttributeNames: [String] { ["embeddings"] }
}
