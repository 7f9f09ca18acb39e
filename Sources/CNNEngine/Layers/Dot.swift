/// Keras `Dot(axes, normalize=False)`: per sample, the dot product of two tensors along one axis of
/// each (`layers.dot` is its function form); with `normalize`, the cosine similarity. No weights.
public struct Dot: MultiInputLayer, WeightlessLayer {
  public let common: LayerCommon
  /// `axes` as given: one axis for both inputs, or one per input (negative counts from the end).
  public let axes: [Int]
  public let normalize: Bool

  public var className: String { "Dot" }

  public static let signature = LayerSignature(
    "Dot", [.required("axes"), .init("normalize", .bool(false))])

  public init(_ common: LayerCommon) throws(KerasError) {
    self.common = common
    let value = common.arguments["axes"]
    switch value {
    case .int(let axis):
      axes = [axis]
    case .tuple(let items), .list(let items):
      guard items.count == 2 else {
        throw .value(
          "Invalid format for argument `axes`: it should contain two elements. Received: axes=\(value)"
        )
      }
      var parsed: [Int] = []
      for item in items {
        guard case .int(let axis) = item else {
          throw .value(
            "Invalid format for argument `axes`: list elements should be integers. Received: axes=\(value)"
          )
        }
        parsed.append(axis)
      }
      axes = parsed
    default:
      throw .typeError(
        "Invalid type for argument `axes`: it should be a list or an int. Received: axes=\(value)")
    }
    normalize = try common.arguments.bool("normalize")
  }

  /// Called on one tensor: Keras' `build` sees a shape, not a list of two.
  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    throw .value(
      "A `Dot` layer should be called on a list of 2 inputs. Received: input_shape=\(input)")
  }

  /// The contracted axis of each input, as `build` and `compute_output_shape` resolve them: a
  /// single negative axis counts from the end of each input, a pair is used as given (Python
  /// indexing).
  public func resolvedAxes(_ first: TensorShape, _ second: TensorShape) throws(KerasError) -> (
    Int, Int
  ) {
    let pair: [Int]
    if axes.count == 1 {
      let axis = axes[0]
      pair =
        axis < 0
        ? [Self.modulo(axis, first.rank), Self.modulo(axis, second.rank)] : [axis, axis]
    } else {
      pair = axes
    }
    var resolved: [Int] = []
    for (axis, shape) in zip(pair, [first, second]) {
      let index = axis < 0 ? shape.rank + axis : axis
      guard index >= 0, index < shape.rank else {
        throw KerasError("IndexError", "tuple index out of range")
      }
      resolved.append(index)
    }
    if resolved.contains(0) {
      throw KerasError.limitation(
        "ConvBook does not support `Dot` along the batch axis (axes=\(axes.count == 1 ? String(axes[0]) : "(\(axes[0]), \(axes[1]))"))"
      )
    }
    return (resolved[0], resolved[1])
  }

  /// Python's `%` (the result takes the divisor's sign).
  private static func modulo(_ value: Int, _ divisor: Int) -> Int {
    guard divisor != 0 else { return value }
    let remainder = value % divisor
    return remainder < 0 ? remainder + divisor : remainder
  }

  public func outputShape(forInputs inputs: [TensorShape]) throws(KerasError) -> TensorShape {
    guard inputs.count == 2 else {
      let listed = "[" + inputs.map(\.description).joined(separator: ", ") + "]"
      throw .value(
        "A `Dot` layer should be called on a list of 2 inputs. Received: input_shape=\(listed)")
    }
    let (first, second) = (inputs[0], inputs[1])
    let (a, b) = try resolvedAxes(first, second)
    if first[a] != second[b] {
      func size(_ value: Int?) -> String { value.map(String.init) ?? "None" }
      // Keras names a pair of axes as given, a single negative axis resolved.
      let shown = axes.count == 2 ? (axes[0], axes[1]) : (a, b)
      throw .value(
        "Incompatible input shapes: axis values \(size(first[a])) (at axis \(shown.0)) != \(size(second[b])) (at axis \(shown.1)). Full input shapes: \(first), \(second)"
      )
    }
    var left = first.dimensions
    left.remove(at: a)
    var right = second.dimensions
    right.remove(at: b)
    right.removeFirst()
    var output = left + right
    if output.count == 1 { output.append(1) }
    return TensorShape(output)
  }
}

// MARK: Forward pass

extension Dot {
  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    .merge(.dot(self))
  }
}

// MARK: Settings

extension Dot {
  /// None that code reads back through ConvBook yet.
  public func setting(_ name: String) -> LayerSetting? {
    nil
  }
}
