/// Keras' merge layers: `Add`, `Subtract`, `Multiply`, `Average`, `Maximum`, `Minimum` (element-wise,
/// with tf-keras' broadcasting of the shapes after the batch axis) and `Concatenate(axis=)`. They
/// have no weights and cost no multiply-accumulates with learned weights.
public struct Merge: MultiInputLayer, WeightlessLayer {
  public enum Kind: String, Sendable, CaseIterable {
    case add = "Add"
    case subtract = "Subtract"
    case multiply = "Multiply"
    case average = "Average"
    case maximum = "Maximum"
    case minimum = "Minimum"
    case concatenate = "Concatenate"

    /// The function form Keras exports beside the class: `layers.add`, `layers.concatenate`, ...
    public var functionName: String { rawValue.lowercased() }
  }

  public let common: LayerCommon
  public let kind: Kind
  /// `Concatenate`'s axis as given (negative counts from the end); unused by the other kinds.
  public let axis: Int

  public var className: String { kind.rawValue }

  public static func signature(kind: Kind) -> LayerSignature {
    kind == .concatenate
      ? LayerSignature(kind.rawValue, [.init("axis", .int(-1))])
      : LayerSignature(kind.rawValue, [])
  }

  public init(kind: Kind, _ common: LayerCommon) throws(KerasError) {
    self.common = common
    self.kind = kind
    axis = kind == .concatenate ? try common.arguments.int("axis") : -1
  }

  /// Called on a single tensor: Keras' `build` receives one shape, not a list of shapes.
  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    if kind == .concatenate {
      throw .value(
        "A `Concatenate` layer should be called on a list of at least 1 input. Received: input_shape=\(input)"
      )
    }
    throw .value(
      "A merge layer should be called on a list of inputs. Received: input_shape=\(input) (not a list of shapes)"
    )
  }

  public func outputShape(forInputs inputs: [TensorShape]) throws(KerasError) -> TensorShape {
    let listed = "[" + inputs.map(\.description).joined(separator: ", ") + "]"
    if kind == .concatenate { return try concatenated(inputs, listed: listed) }
    if kind == .subtract && inputs.count != 2 {
      throw .value(
        "A `Subtract` layer should be called on exactly 2 inputs. Received: input_shape=\(listed)")
    }
    guard !inputs.isEmpty else {
      throw .value(
        "A merge layer should be called on a list of at least 1 input. Got 0 inputs. Full input_shape received: []"
      )
    }
    let batches = Set(inputs.compactMap(\.batch))
    if batches.count > 1 {
      throw .value(
        "Cannot merge tensors with different batch sizes. Got tensors with shapes \(listed)")
    }
    var sample = inputs[0].sample
    for input in inputs.dropFirst() {
      sample = try Self.broadcast(
        sample, input.sample, knownSizeWins: common.kerasVersion == .keras2)
    }
    return TensorShape(batch: batches.first, sample: sample)
  }

  /// tf-keras' `_compute_elemwise_op_output_shape`: trailing axes are matched, a 1 or an unknown size
  /// gives way, and the longer shape keeps its leading axes.
  ///
  /// `knownSizeWins`: tf-keras' output shape is the one TensorFlow infers for the traced op, where
  /// an unknown size against a known size above 1 is that size (`Add` of (None, None, 4) and
  /// (None, 5, 4) is (None, 5, 4)); Keras 3's `compute_output_shape` leaves it unknown.
  static func broadcast(_ first: [Int?], _ second: [Int?], knownSizeWins: Bool = false)
    throws(KerasError) -> [Int?]
  {
    if first.count < second.count {
      return try broadcast(second, first, knownSizeWins: knownSizeWins)
    }
    if second.isEmpty { return first }
    var output = Array(first.prefix(first.count - second.count))
    for (i, j) in zip(first.suffix(second.count), second) {
      guard let i, let j else {
        let known = i ?? j
        output.append(knownSizeWins && (known ?? 0) > 1 ? known : nil)
        continue
      }
      if i == 1 {
        output.append(j)
      } else if j == 1 {
        output.append(i)
      } else if i != j {
        throw .value(
          "Inputs have incompatible shapes. Received shapes \(TensorShape.tuple(first)) and \(TensorShape.tuple(second))"
        )
      } else {
        output.append(i)
      }
    }
    return output
  }

  /// `Concatenate.build` and `compute_output_shape`: every axis but the concatenation axis must
  /// agree (unknown sizes agree with anything); the sizes along the axis add up.
  private func concatenated(_ inputs: [TensorShape], listed: String) throws(KerasError)
    -> TensorShape
  {
    guard !inputs.isEmpty else {
      throw .value(
        "A `Concatenate` layer should be called on a list of at least 1 input. Received: input_shape=[]"
      )
    }
    let message =
      "A `Concatenate` layer requires inputs with matching shapes except for the concatenation axis. Received: input_shape=\(listed)"
    var reduced: [[Int?]] = []
    for input in inputs {
      let resolved = axis < 0 ? input.rank + axis : axis
      guard resolved >= 0, resolved < input.rank else {
        throw KerasError(
          "IndexError", "list assignment index out of range")
      }
      var dimensions = input.dimensions
      dimensions.remove(at: resolved)
      reduced.append(dimensions)
    }
    if Set(reduced.map { $0.map { $0 ?? -1 } }).count != 1 {
      guard Set(reduced.map(\.count)).count == 1 else { throw .value(message) }
      for position in reduced[0].indices {
        if Set(reduced.compactMap { $0[position] }).count > 1 { throw .value(message) }
      }
    }
    let resolved = axis < 0 ? inputs[0].rank + axis : axis
    var output = inputs[0].dimensions
    for input in inputs.dropFirst() {
      guard let total = output[resolved], let size = input.dimensions[resolved] else {
        output[resolved] = nil
        break
      }
      let (sum, overflow) = total.addingReportingOverflow(size)
      if overflow {
        throw KerasError.limitation("ConvBook does not support a concatenation this large")
      }
      output[resolved] = sum
    }
    if common.kerasVersion == .keras2 {
      // TensorFlow's `concat` infers each other axis from the inputs that know it.
      for position in output.indices where position != resolved && output[position] == nil {
        output[position] = inputs.lazy.compactMap { $0.dimensions[position] }.first
      }
    }
    return TensorShape(output)
  }
}

// MARK: Forward pass

extension Merge {
  /// Sums, products, extremes and averages fold the inputs left to right after Keras' rank
  /// expansion; `Average` divides the sum once.
  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    switch kind {
    case .add: .merge(.fold(.add, divisor: nil, expandsRanks: true))
    case .subtract: .merge(.fold(.subtract, divisor: nil, expandsRanks: true))
    case .multiply: .merge(.fold(.multiply, divisor: nil, expandsRanks: true))
    case .average: .merge(.fold(.add, divisor: 0, expandsRanks: true))
    case .maximum: .merge(.fold(.maximum, divisor: nil, expandsRanks: true))
    case .minimum: .merge(.fold(.minimum, divisor: nil, expandsRanks: true))
    case .concatenate: .merge(.concatenate(axis: axis))
    }
  }
}

// MARK: Settings

extension Merge {
  /// None that code reads back through ConvBook yet.
  public func setting(_ name: String) -> LayerSetting? {
    nil
  }
}
