/// `RepeatVector(n)`: (batch, features) -> (batch, n, features), the input repeated n times.
public struct RepeatVector: WeightlessLayer {
  public let common: LayerCommon
  public let count: Int

  public var className: String { "RepeatVector" }

  public static let signature = LayerSignature("RepeatVector", [.required("n")])

  public init(_ common: LayerCommon) throws(KerasError) {
    self.common = common
    guard case .int(let n) = common.arguments["n"] else {
      throw .typeError(
        "Expected an integer value for `n`, got <class '\(common.arguments["n"].pythonTypeName)'>.")
    }
    if common.kerasVersion == .keras3, n <= 0 {
      throw .value("Argument `n` should be a positive integer. Received: n=\(n)")
    }
    count = n
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    try requireRank(input, exactly: 2)
    guard count >= 0 else {
      throw .limitation("ConvBook runs RepeatVector with n >= 0; got n=\(count)")
    }
    return TensorShape([input.batch, count, input.dimensions[1]])
  }
}

// MARK: Forward pass

extension RepeatVector {
  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    .step(.repeatVector(count))
  }
}

// MARK: Training

extension RepeatVector {
  public func trainingPlan(_ preparation: TrainingPreparation) throws(TrainingError) -> TrainingPlan
  {
    .step(.repeatVector(count: count))
  }
}

// MARK: Settings

extension RepeatVector {
  /// None that code reads back through ConvBook yet.
  public func setting(_ name: String) -> LayerSetting? {
    nil
  }
}
