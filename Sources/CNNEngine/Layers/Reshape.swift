/// `Reshape`: a new sample shape with the same number of values; one entry may be -1 (inferred).
public struct Reshape: WeightlessLayer {
  public let common: LayerCommon
  public let targetShape: [Int]

  public var className: String { "Reshape" }

  public static let signature = LayerSignature("Reshape", [.required("target_shape")])

  public init(_ common: LayerCommon) throws(KerasError) {
    self.common = common
    let value = common.arguments["target_shape"]
    var target: [Int] = []
    if case .int(let single) = value {
      target = [single]
    } else if let items = value.sequenceItems {
      for item in items {
        guard case .int(let dimension) = item else {
          throw .typeError(
            "Reshape expects a tuple of integers for `target_shape`. Received: \(value)")
        }
        target.append(dimension)
      }
    } else {
      throw .typeError("'\(value.pythonTypeName)' object is not iterable")
    }
    if common.kerasVersion == .keras3 {
      // Keras 3's `validate_reshape_shape`, as the layer is made.
      let shown =
        target.count == 1
        ? "(\(target[0]),)" : "(" + target.map(String.init).joined(separator: ", ") + ")"
      if target.contains(where: { $0 < -1 }) {
        throw .value(
          "Each dimension in `target_shape` must be a non-negative integer, or `-1` for a single unknown dimension. Received: target_shape=\(shown)."
        )
      }
      if target.filter({ $0 == -1 }).count > 1 {
        throw .value(
          "There must be at most one unknown dimension (-1) in `target_shape`. Received: target_shape=\(shown)."
        )
      }
    }
    targetShape = target
  }

  /// Keras fixes the output shape in `call`, so its refusals come wrapped as errors of the call.
  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    do {
      return try fixedOutputShape(for: input)
    } catch {
      // ConvBook's own refusals (an overflowing size) are not Keras' errors of the call.
      if error.type == nil { throw error }
      throw ShapeErrors.inCall(
        layer: name, className: className, input: input, error.message,
        type: error.type ?? "ValueError")
    }
  }

  private func fixedOutputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    let sample = input.sample
    if sample.contains(where: { $0 == nil }) {
      return TensorShape([input.batch] + targetShape.map { $0 == -1 ? nil : $0 })
    }
    let known = sample.map { $0! }
    let message =
      "total size of new array must be unchanged, input_shape = \(Self.list(known)), output_shape = \(Self.list(targetShape))"
    var output = targetShape
    var unknownIndex: Int?
    for (index, dimension) in targetShape.enumerated() where dimension < 0 {
      if unknownIndex != nil {
        throw .value(
          "There must be at most one unknown dimension in output_shape. Received: output_shape=\(Self.list(targetShape))."
        )
      }
      unknownIndex = index
    }
    // Python's integers do not overflow: a product of the target beyond 64 bits is larger than
    // any input (whose size was checked), so it gets Keras' own refusal (or 0 for an empty input).
    let given = targetShape.filter { $0 >= 0 }
    let product: Int? = given.contains(0) ? 0 : try? Exact.product(given)
    let original = try exactly("input size") { () throws(Exact.Overflow) in
      try Exact.product(known)
    }
    if let unknownIndex {
      guard let product else {
        // tf-keras takes `original % product` with NumPy's int64 input size.
        if common.kerasVersion == .keras2 {
          throw KerasError("OverflowError", "Python int too large to convert to C long")
        }
        if original != 0 { throw .value(message) }
        output[unknownIndex] = 0
        return TensorShape([input.batch] + output.map { Optional($0) })
      }
      if product == 0 || original % product != 0 { throw .value(message) }
      output[unknownIndex] = original / product
    } else if original != product {
      throw .value(message)
    }
    if common.kerasVersion == .keras2, input.batch == nil {
      try checkInt32Target(output)
    }
    return TensorShape([input.batch] + output.map { Optional($0) })
  }

  /// tf-keras' `call` packs the target with the batch size into an int32 shape for `tf.reshape`
  /// (a size keeps its low 32 bits), then sets the shape it computed on the result: a size whose
  /// low bits are another non-negative number fails TensorFlow's shape merge. A negative one is
  /// unknown to TensorFlow, as -1 and the batch size are, and passes (script 1090).
  private func checkInt32Target(_ output: [Int]) throws(KerasError) {
    var inferred: [Int?] = [nil]
    for dimension in targetShape {
      let low = Int(Int32(truncatingIfNeeded: dimension))
      inferred.append(dimension < 0 || low < 0 ? nil : low)
    }
    let declared: [Int?] = [nil] + output.map { Optional($0) }
    guard
      let index = declared.indices.first(where: { position in
        inferred[position].map { $0 != declared[position] } ?? false
      })
    else { return }
    func text(_ dimensions: [Int?]) -> String {
      "[" + dimensions.map { $0.map(String.init) ?? "?" }.joined(separator: ",") + "]"
    }
    throw .value(
      "Dimension \(index) in both shapes must be equal, but are \(inferred[index]!) and \(declared[index]!). Shapes are \(text(inferred)) and \(text(declared))."
    )
  }

  static func list(_ values: [Int]) -> String {
    "[" + values.map(String.init).joined(separator: ", ") + "]"
  }
}

// MARK: Forward pass

extension Reshape {
  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    .step(.reshape)
  }
}

// MARK: Training

extension Reshape {
  public func trainingPlan(_ preparation: TrainingPreparation) throws(TrainingError) -> TrainingPlan
  {
    .step(.reshape)
  }
}

// MARK: Settings

extension Reshape {
  public func setting(_ name: String) -> LayerSetting? {
    switch name {
    case "target_shape": .ints(targetShape)
    default: nil
    }
  }
}
