import CNNKernels

/// What every convolution layer reads from its arguments in the same way (tf-keras' `Conv.__init__`):
/// the window, how it moves and pads, the data format, the activation and the bias.
public struct ConvolutionSettings: Sendable {
  public let kernelSize: [Int]
  public let strides: [Int]
  public let padding: Padding
  public let dataFormat: DataFormat
  public let dilationRate: [Int]
  public let activation: ActivationFunction
  public let useBias: Bool

  /// Reads the settings in Keras' order, with Keras' messages for values it refuses.
  init(_ arguments: LayerArguments, rank: Int, allowsCausal: Bool, version: KerasVersion)
    throws(KerasError)
  {
    kernelSize = try arguments.intTuple("kernel_size", count: rank)
    strides = try arguments.intTuple("strides", count: rank, allowZero: true)
    if version == .keras3, strides.contains(0) {
      // Keras 3 standardizes `strides` as it does `kernel_size`: a 0 fails there, quoting the
      // value as given (tf-keras lets it through to `_validate_init`).
      throw .value(
        "The `strides` argument must be a tuple of \(rank) integers. Received strides=\(arguments["strides"].plainDescription), including values {0} that do not satisfy `value > 0`"
      )
    }
    padding = try arguments.padding(allowCausal: allowsCausal)
    dataFormat = try arguments.dataFormat()
    dilationRate = try arguments.intTuple("dilation_rate", count: rank)
    activation = try arguments.activation(version: version)
    useBias = try arguments.bool("use_bias")
  }

  /// `filters`, which Keras requires to be strictly positive.
  static func filters(_ arguments: LayerArguments) throws(KerasError) -> Int {
    let filters = try arguments.int("filters")
    if filters <= 0 {
      throw .value(
        "Invalid value for argument `filters`. Expected a strictly positive value. Received filters=\(filters)."
      )
    }
    return filters
  }

  /// `depth_multiplier`, which Keras 3 requires to be strictly positive when the layer is made
  /// (tf-keras builds a layer of no channels for 0, and fails on a negative one at `build`).
  static func depthMultiplier(_ arguments: LayerArguments, version: KerasVersion)
    throws(KerasError) -> Int
  {
    let multiplier = try arguments.int("depth_multiplier")
    if version == .keras3, multiplier <= 0 {
      throw .value(
        "Invalid value for argument `depth_multiplier`. Expected a strictly positive value. Received depth_multiplier=\(multiplier)."
      )
    }
    return multiplier
  }

  /// Keras' `Conv._validate_init`.
  func validate(filters: Int, groups: Int, allowsCausal: Bool) throws(KerasError) {
    if groups <= 0 || filters % groups != 0 {
      throw .value(
        "The number of filters must be evenly divisible by the number of groups. Received: groups=\(groups), filters=\(filters)"
      )
    }
    if kernelSize.contains(0) {
      throw .value(
        "The argument `kernel_size` cannot contain 0(s). Received: \(TensorShape.tuple(kernelSize))"
      )
    }
    if strides.contains(0) {
      throw .value(
        "The argument `strides` cannot contains 0(s). Received: \(TensorShape.tuple(strides))")
    }
    if padding == .causal && !allowsCausal {
      // Keras' own message has no space before "and".
      throw .value("Causal padding is only supported for `Conv1D`and `SeparableConv1D`.")
    }
    if strides.max()! > 1 && dilationRate.max()! > 1 {
      throw .value(
        "`strides > 1` not supported in conjunction with `dilation_rate > 1`. Received: strides=\(TensorShape.tuple(strides)) and dilation_rate=\(TensorShape.tuple(dilationRate))"
      )
    }
  }

  /// The output lengths of a window sliding over the spatial axes of `input`, other axes unchanged.
  func slidingOutput(_ input: TensorShape) throws(Exact.Overflow) -> [Int?] {
    var output = input.dimensions
    let axes = dataFormat.spatialAxes(rank: input.rank).suffix(kernelSize.count)
    for (index, axis) in axes.enumerated() {
      output[axis] = try ConvolutionArithmetic.outputLength(
        input[axis], kernel: kernelSize[index], padding: padding, stride: strides[index],
        dilation: dilationRate[index])
    }
    return output
  }
}

/// A layer built on `ConvolutionSettings`; its settings read as the layer's own properties.
public protocol ConvolutionLayer: WindowLayer, InputSpecLayer {
  var rank: Int { get }
  var settings: ConvolutionSettings { get }
}

extension ConvolutionLayer {
  /// The channel axis: `-1` channels last, `1` channels first.
  public func inputSpecAxes(rank: Int, keras3: Bool) -> [InputSpecAxis] {
    [
      InputSpecAxis(
        reported: dataFormat == .channelsLast ? -1 : 1, index: dataFormat.channelAxis(rank: rank))
    ]
  }
}

extension ConvolutionLayer {
  public var kernelSize: [Int] { settings.kernelSize }
  public var strides: [Int] { settings.strides }
  public var padding: Padding { settings.padding }
  public var dataFormat: DataFormat { settings.dataFormat }
  public var dilationRate: [Int] { settings.dilationRate }
  public var activation: ActivationFunction { settings.activation }
  public var useBias: Bool { settings.useBias }
  public var window: SlidingWindow {
    SlidingWindow(size: kernelSize, strides: strides, dilation: dilationRate, padding: padding)
  }
}
