/// Which input pixels one output position of a layer depends on, for a chain of layers: walking
/// back from the layer, each window (kernel extent e, stride s, padding p before) maps an interval
/// [a, b] of its output to [a·s − p, b·s − p + e − 1] of its input. Per layer, the size of one
/// output's field grows as r = r_before + (e − 1)·j_before and the distance between neighbouring
/// outputs' fields (the jump) as j = j_before·s.
public struct ReceptiveField: Sendable, Equatable {
  /// One layer of the path: its window and the field of one of its outputs on the model's input.
  public struct Step: Sendable, Equatable {
    public var name: String
    public var className: String
    /// Window extent and stride per spatial axis (1 and 1 for layers that keep positions).
    public var extent: [Int]
    public var stride: [Int]
    /// The field of one output of this layer on the input, per axis, and the jump between
    /// neighbouring outputs' fields.
    public var size: [Int]
    public var jump: [Int]
  }

  public var modelName: String
  public var layerName: String
  /// The model's input side per spatial axis.
  public var inputSides: [Int]
  /// The output position traced, per axis.
  public var position: [Int]
  /// The input interval it reads per axis (may reach outside the image: padding).
  public var intervals: [ClosedRange<Int>]
  public var steps: [Step]

  public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
    case notAChain(model: String)
    case noSpatialInput(model: String)
    case unsupported(layer: String, className: String)
    case endsSpatialMaps(layer: String, className: String)
    case positionOutside(position: [Int], outputSides: [Int])
    case noSuchLayer(name: String, model: String)
    /// A window, field or jump past 64-bit integers (strides of 2**40 in a row: hostile batch9).
    case overflow(layer: String)

    public var description: String {
      switch self {
      case .notAChain(let model):
        return
          "ConvBook does not support receptive fields of graphs yet: model '\(model)' is not a chain of layers"
      case .noSpatialInput(let model):
        return "model '\(model)' takes no image or sequence input with known sizes"
      case .unsupported(let layer, let className):
        return
          "ConvBook does not support the receptive field through a \(className) ('\(layer)') yet"
      case .endsSpatialMaps(let layer, let className):
        return
          "'\(layer)' (\(className)) has no spatial positions: every output reads the whole input; name an earlier layer"
      case .noSuchLayer(let name, let model):
        return "model '\(model)' has no layer named '\(name)'"
      case .positionOutside(let position, let outputSides):
        return
          "position \(TensorShape.tuple(position)) is outside the layer's output \(TensorShape.tuple(outputSides))"
      case .overflow(let layer):
        return
          "ConvBook cannot draw this receptive field: through '\(layer)' its window, size or jump would pass 64-bit integers"
      }
    }
  }

  /// The field of output `position` of `layerName` (default: the last layer that keeps spatial
  /// positions; position default: the middle of its output).
  public init(model: KerasModel, layerName: String?, position: [Int]?) throws(Problem) {
    guard model.graph == nil, model.isBuilt, let tensors = model.tensors else {
      throw .notAChain(model: model.name)
    }
    let input = tensors[0].shape
    let spatialRank = input.rank - 2
    guard spatialRank >= 1, spatialRank <= 2,
      let sides = Optional(input.dimensions[1...spatialRank].compactMap { $0 }),
      sides.count == spatialRank
    else { throw .noSpatialInput(model: model.name) }
    modelName = model.name
    inputSides = sides
    let named = layerName.flatMap { name in tensors.first { $0.producer.name == name }?.producer }
    if let layerName, named == nil { throw .noSuchLayer(name: layerName, model: model.name) }
    // The layers of the path and their windows, up to the named one.
    var windows: [(instance: LayerInstance, extent: [Int], stride: [Int], before: [Int])] = []
    var target: LayerInstance?
    for tensor in tensors.dropFirst() {
      let instance = tensor.producer
      guard let inputShape = tensor.input?.shape, tensor.shape.rank == input.rank else {
        guard let named else { break }
        throw .endsSpatialMaps(layer: named.name, className: named.className)
      }
      let window = try Self.window(instance, inputShape: inputShape, rank: spatialRank)
      windows.append((instance, window.extent, window.stride, window.before))
      target = instance
      if instance.name == layerName { break }
    }
    guard let target, layerName == nil || target.name == layerName else {
      throw .noSuchLayer(name: layerName ?? "", model: model.name)
    }
    self.layerName = target.name
    let outputSides = (1...spatialRank).map { target.outputShape?.dimensions[$0] ?? 1 }
    let traced = position ?? outputSides.map { max($0 - 1, 0) / 2 }
    guard traced.count == spatialRank,
      zip(traced, outputSides).allSatisfy({ $0 >= 0 && $0 < $1 })
    else { throw .positionOutside(position: position ?? [], outputSides: outputSides) }
    self.position = traced
    var intervals = traced.map { $0...$0 }
    for window in windows.reversed() {
      var next: [ClosedRange<Int>] = []
      for axis in intervals.indices {
        let s = window.stride[axis]
        do {
          let low = try Exact.add(
            try Exact.multiply(intervals[axis].lowerBound, s), -window.before[axis])
          let high = try Exact.add(
            try Exact.add(
              try Exact.multiply(intervals[axis].upperBound, s), -window.before[axis]),
            window.extent[axis] - 1)
          next.append(low...high)
        } catch {
          throw .overflow(layer: window.instance.name)
        }
      }
      intervals = next
    }
    self.intervals = intervals
    var size = Array(repeating: 1, count: spatialRank)
    var jump = Array(repeating: 1, count: spatialRank)
    steps = []
    for window in windows {
      for axis in 0..<spatialRank {
        do {
          size[axis] = try Exact.add(
            size[axis], try Exact.multiply(window.extent[axis] - 1, jump[axis]))
          jump[axis] = try Exact.multiply(jump[axis], window.stride[axis])
        } catch {
          throw .overflow(layer: window.instance.name)
        }
      }
      steps.append(
        Step(
          name: window.instance.name, className: window.instance.className,
          extent: window.extent, stride: window.stride, size: size, jump: jump))
    }
  }

  /// A layer's window per spatial axis: extent, stride and the padding Keras puts before.
  static func window(_ instance: LayerInstance, inputShape: TensorShape, rank: Int) throws(Problem)
    -> (extent: [Int], stride: [Int], before: [Int])
  {
    guard let layer = instance.layer as? any WindowLayer else {
      // A layer that keeps every position where it is (normalization, activations, dropout).
      guard inputShape.dimensions.dropLast() == instance.outputShape?.dimensions.dropLast() else {
        throw .unsupported(layer: instance.name, className: instance.className)
      }
      let ones = Array(repeating: 1, count: rank)
      return (ones, ones, Array(repeating: 0, count: rank))
    }
    let window = layer.window
    guard !window.transposed else {
      throw .unsupported(layer: instance.name, className: instance.className)
    }
    guard layer.dataFormat != .channelsFirst else {
      throw .unsupported(layer: instance.name, className: instance.className + " (channels_first)")
    }
    let (kernel, strides, dilation, padding) = (
      window.size, window.strides, window.dilation, window.padding
    )
    guard kernel.count == rank else {
      throw .unsupported(layer: instance.name, className: instance.className)
    }
    var before: [Int] = []
    var extents: [Int] = []
    for axis in 0..<rank {
      guard kernel[axis] >= 1, strides[axis] >= 1, dilation[axis] >= 1 else {
        throw .unsupported(layer: instance.name, className: instance.className)
      }
      do {
        let extent = try Exact.add(
          kernel[axis], try Exact.multiply(kernel[axis] - 1, dilation[axis] - 1))
        extents.append(extent)
        let length = inputShape.dimensions[1 + axis] ?? 0
        switch padding {
        case .same:
          let output = Exact.ceilingDivide(length, strides[axis])
          let total = try Exact.add(
            try Exact.multiply(output - 1, strides[axis]), extent - length)
          before.append(max(total, 0) / 2)
        case .causal: before.append(extent - 1)
        case .valid: before.append(0)
        case .full: before.append(extent - 1)
        }
      } catch {
        throw .overflow(layer: instance.name)
      }
    }
    return (extents, strides, before)
  }
}
