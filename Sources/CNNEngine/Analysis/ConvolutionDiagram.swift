/// The arithmetic of one convolution or pooling layer, worked out on a small input grid as
/// vdumoulin's convolution-arithmetic figures draw it: the input with its padding, where the window
/// lands for each output position (its taps spaced by the dilation), and the sizes. A transposed
/// convolution is drawn as the direct convolution it equals: stride − 1 zeros inserted between the
/// input's pixels, padded, then a stride-1 window. Everything comes from the layer's own settings;
/// only the grid's side is chosen small enough to draw.
public struct ConvolutionDiagram: Sendable, Equatable {
  /// One spatial axis: sizes, window and padding along it.
  public struct Axis: Sendable, Equatable {
    /// The input's length on the grid drawn.
    public var input: Int
    public var kernel: Int
    public var stride: Int
    public var dilation: Int
    /// Zeros added before and after the (zero-inserted) input.
    public var padBefore: Int
    public var padAfter: Int
    /// For a transposed convolution: zeros inserted between neighbouring input pixels.
    public var inserted: Int
    public var output: Int
    /// How far the window moves per output position on the grid: the stride, or 1 for a
    /// transposed convolution (its stride is in the inserted zeros).
    public var step: Int

    /// The window's extent: kernel + (kernel − 1)(dilation − 1).
    public var extent: Int { kernel + (kernel - 1) * (dilation - 1) }
    /// The length of the grid the window moves over: padding, input and inserted zeros.
    public var padded: Int { padBefore + input + (input - 1) * inserted + padAfter }

    /// The grid positions (0 = first padding cell) the window's taps cover for output `index`.
    public func taps(of index: Int) -> [Int] {
      (0..<kernel).map { index * step + $0 * dilation }
    }

    /// Whether grid position `position` holds an input pixel (not padding or an inserted zero),
    /// and which.
    public func inputPixel(at position: Int) -> Int? {
      let offset = position - padBefore
      guard offset >= 0, offset <= (input - 1) * (inserted + 1), offset % (inserted + 1) == 0
      else { return nil }
      return offset / (inserted + 1)
    }
  }

  public var layerName: String
  public var className: String
  public var padding: Padding
  public var isTransposed: Bool
  public var isPooling: Bool
  /// Rows, then columns (one axis for a 1D layer).
  public var axes: [Axis]
  /// The layer's real input and output shapes in its model, when built.
  public var realInput: TensorShape?
  public var realOutput: TensorShape?

  public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
    case notAWindowLayer(name: String, className: String)
    case unsupportedRank(name: String, rank: Int)
    case badSize(Int)
    case inputTooSmall(name: String, size: Int, extent: Int)
    /// A window or stride wider than any grid the figure draws (`maximumWindow`).
    case windowTooLarge(name: String, kernel: Int, stride: Int, dilation: Int)

    public var description: String {
      switch self {
      case .notAWindowLayer(let name, let className):
        return
          "layer '\(name)' is a \(className); the convolution figure draws convolution and pooling layers"
      case .unsupportedRank(let name, let rank):
        return
          "ConvBook does not support drawing \(rank)D windows yet ('\(name)'); the convolution figure draws 1D and 2D layers"
      case .badSize(let size):
        return "size= must be between 1 and 12 input pixels, got \(size)"
      case .inputTooSmall(let name, let size, let extent)
      where extent > ConvolutionDiagram.maximumSize:
        return
          "a \(size)-pixel grid leaves no room for the \(extent)-pixel window of '\(name)' without padding, and ConvBook draws grids of at most \(ConvolutionDiagram.maximumSize) input pixels"
      case .inputTooSmall(let name, let size, let extent):
        return
          "a \(size)-pixel grid leaves no room for the \(extent)-pixel window of '\(name)' without padding; pass a larger size= (at most \(ConvolutionDiagram.maximumSize))"
      case .windowTooLarge(let name, let kernel, let stride, let dilation):
        return
          "ConvBook does not draw windows or strides wider than \(ConvolutionDiagram.maximumWindow) pixels yet: '\(name)' has kernel \(kernel), stride \(stride) and dilation \(dilation), and the figure draws grids of at most \(ConvolutionDiagram.maximumSize) input pixels"
      }
    }
  }

  /// The largest input side the figure draws.
  public static let maximumSize = 12
  /// The widest window extent (kernel + (kernel − 1)(dilation − 1)) or stride the figure takes:
  /// beyond it the padding alone would not fit a drawing, and a layer built on nothing may hold
  /// any size (`Conv2D(1, 3, strides=2**62)`, whose sums of sides overflowed: hostile batch9).
  public static let maximumWindow = 4 * maximumSize

  /// The diagram of `layer` on an input of `size` pixels per axis; without `size`, the layer's
  /// real input side when it is small enough to draw, else a small side that shows the window
  /// moving (at least two steps).
  public init(layer: LayerInstance, size: Int? = nil) throws(Problem) {
    guard let window = (layer.layer as? any WindowLayer)?.window else {
      throw .notAWindowLayer(name: layer.name, className: layer.className)
    }
    let (kernel, strides, dilation) = (window.size, window.strides, window.dilation)
    let outputPadding = window.outputPadding
    padding = window.padding
    isTransposed = window.transposed
    isPooling = layer.layer is Pooling
    guard kernel.count == 1 || kernel.count == 2 else {
      throw .unsupportedRank(name: layer.name, rank: kernel.count)
    }
    if let size, !(1...Self.maximumSize).contains(size) { throw .badSize(size) }
    layerName = layer.name
    className = layer.className
    realInput = layer.inputShape
    realOutput = layer.outputShape
    var axes: [Axis] = []
    for index in kernel.indices {
      guard kernel[index] >= 1, strides[index] >= 1, dilation[index] >= 1,
        strides[index] <= Self.maximumWindow,
        let extent = try? Exact.add(
          kernel[index], try Exact.multiply(kernel[index] - 1, dilation[index] - 1)),
        extent <= Self.maximumWindow
      else {
        throw .windowTooLarge(
          name: layer.name, kernel: kernel[index], stride: strides[index],
          dilation: dilation[index])
      }
      // Channels-last layers keep their spatial axes after the batch; pooling and convolutions
      // here are drawn per spatial axis whatever the data format.
      let real = Self.spatialSide(layer, axis: index, rank: kernel.count)
      let side: Int
      if let size {
        side = size
      } else if let real, real <= (isTransposed ? 4 : 7) {
        side = real
      } else if isTransposed {
        side = 3
      } else {
        side = min(max(extent + 2 * strides[index], 5), Self.maximumSize)
      }
      axes.append(
        try Self.axis(
          input: side, kernel: kernel[index], stride: strides[index], dilation: dilation[index],
          padding: padding, transposed: isTransposed,
          outputPadding: outputPadding?[index], name: layer.name))
    }
    self.axes = axes
  }

  /// The layer's input length along spatial axis `axis`, when known.
  static func spatialSide(_ layer: LayerInstance, axis: Int, rank: Int) -> Int? {
    guard let shape = layer.inputShape, shape.rank == rank + 2 else { return nil }
    let channelsFirst = LayerDataFormat.of(layer.layer) == .channelsFirst
    return shape.dimensions[(channelsFirst ? 2 : 1) + axis]
  }

  static func axis(
    input: Int, kernel: Int, stride: Int, dilation: Int, padding: Padding, transposed: Bool,
    outputPadding: Int?, name: String
  ) throws(Problem) -> Axis {
    let extent = kernel + (kernel - 1) * (dilation - 1)
    if transposed {
      let output =
        (try? ConvolutionArithmetic.transposedOutputLength(
          input, kernel: kernel, padding: padding, outputPadding: outputPadding, stride: stride,
          dilation: dilation)) ?? nil ?? 0
      // The direct convolution it equals: a stride-1 window over the input with stride − 1
      // zeros between pixels, padded so that the window fits `output` times.
      let inserted = (input - 1) * stride + 1
      let total = output + extent - 1 - inserted
      // Keras pads the forward (strided) convolution `same` with floor(total / 2) first; its
      // transpose puts extent − 1 − that before.
      let forwardBefore: Int
      switch padding {
      case .same, .causal: forwardBefore = max(extent - stride, 0) / 2
      case .valid: forwardBefore = 0
      case .full: forwardBefore = extent - 1
      }
      let before = max(extent - 1 - forwardBefore, 0)
      return Axis(
        input: input, kernel: kernel, stride: stride, dilation: dilation, padBefore: before,
        padAfter: max(total - before, 0), inserted: stride - 1, output: output, step: 1)
    }
    let output =
      (try? ConvolutionArithmetic.outputLength(
        input, kernel: kernel, padding: padding, stride: stride, dilation: dilation)) ?? nil ?? 0
    guard output > 0 else { throw .inputTooSmall(name: name, size: input, extent: extent) }
    let total: Int
    switch padding {
    case .same: total = max((output - 1) * stride + extent - input, 0)
    case .causal: total = extent - 1
    case .valid: total = 0
    case .full: total = 2 * (extent - 1)
    }
    let before = padding == .causal ? total : total / 2
    return Axis(
      input: input, kernel: kernel, stride: stride, dilation: dilation, padBefore: before,
      padAfter: total - before, inserted: 0, output: output, step: stride)
  }

  /// A few output positions to draw the window at: the first, the next along the last axis, and
  /// the last, without repeats.
  public var highlightedOutputs: [[Int]] {
    let first = axes.map { _ in 0 }
    var second = first
    second[axes.count - 1] = min(1, axes[axes.count - 1].output - 1)
    let last = axes.map { $0.output - 1 }
    var positions: [[Int]] = []
    for position in [first, second, last] where !positions.contains(position) {
      positions.append(position)
    }
    return positions
  }
}
