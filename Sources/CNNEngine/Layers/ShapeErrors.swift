import CNNKernels

/// Messages for shapes that cannot be computed, in the words TensorFlow and Keras use.
///
/// Keras checks a layer's input (`InputSpec`), then builds it, then calls it on a symbolic tensor.
/// Only what fails inside `call` is wrapped in "Exception encountered when calling layer ...": that
/// is where TensorFlow's shape inference refuses a convolution or pooling op whose window no longer
/// fits, naming the op the layer lowered to. The lowering below (which op, which node names, which
/// layout after `ExpandDims`, `transpose` or `SpaceToBatchND`) is tf-keras 2.21's on CPU.
enum ShapeErrors {
  /// Keras' `inject_argument_info_in_traceback`: an error raised inside `call`, with the call's
  /// arguments. A layer's only call argument in a model is its input tensor.
  /// tf-keras hands strides, window sizes, dilations and upsampling factors to TensorFlow as
  /// 32-bit integers (op attributes or tensors): a value past 2**31 - 1 fails when the layer is
  /// called, with an error naming the op's whole node definition, which ConvBook does not
  /// reproduce; refused as ConvBook's (hostile batch7 h17, h20, h24). Keras 3 computes the shape
  /// with Python ints.
  static func requireInt32(
    _ settings: KeyValuePairs<String, [Int]>, layer: String, version: KerasVersion
  ) throws(KerasError) {
    guard version == .keras2 else { return }
    for (name, values) in settings {
      if let value = values.first(where: { $0 > Int(Int32.max) }) {
        throw .limitation(
          "ConvBook does not support \(name)=\(value) in tf-keras yet: TensorFlow takes it as a 32-bit integer and fails when \"\(layer)\" is called"
        )
      }
    }
  }

  /// `type`: the error's Python type, which the wrapping keeps (ValueError unless told).
  static func inCall(
    layer: String, className: String, input: TensorShape, _ message: String,
    type: String = "ValueError"
  ) -> KerasError {
    KerasError(
      type,
      "Exception encountered when calling layer \"\(layer)\" (type \(className)).\n\n\(message)\n\n"
        + "Call arguments received by layer \"\(layer)\" (type \(className)):\n"
        + "  • inputs=tf.Tensor(shape=\(input), dtype=float32)")
  }

  /// The opening words of `negativeOutput`.
  static let negativeOutputOpening = "One of the dimensions in the output is <= 0"

  /// `Conv.compute_output_shape`, which `Conv.build` runs: a negative output length is refused before
  /// the layer is called (a zero length passes and reaches TensorFlow instead).
  static func negativeOutput(layer: String, input: TensorShape) -> KerasError {
    .value(
      "\(negativeOutputOpening) due to downsampling in \(layer). Consider increasing the input size. Received input shape \(input.listDescription) which would produce output shape with a zero or negative value in a dimension."
    )
  }

  /// TensorFlow's refusal of `op` when its window is larger than its (known) input along an axis,
  /// wrapped as Keras wraps errors from `call`; nil when every window fits.
  static func windowFailure(
    _ op: GraphOp, layer: String, className: String, input: TensorShape
  ) -> KerasError? {
    let shape = op.inputShapes[0]
    if shape.count != op.expectedRank {
      let message =
        "Shape must be rank \(op.expectedRank) but is rank \(shape.count) for '\(op)' with input shapes: \(op.shapesDescription)."
      return inCall(layer: layer, className: className, input: input, message)
    }
    guard op.padding == .valid else { return nil }
    for (axis, window) in zip(op.spatialAxes, op.windows) {
      guard let length = shape[axis], length < window else { continue }
      let message =
        "Negative dimension size caused by subtracting \(window) from \(length) for '\(op)' with input shapes: \(op.shapesDescription)."
      return inCall(layer: layer, className: className, input: input, message)
    }
    return nil
  }

  /// tf-keras' `ConvND` on an input with no channels: the layer builds (its kernel has a
  /// zero-sized axis), then a dilated convolution fails in Python ("integer modulo by zero") and any
  /// other in TensorFlow's shape inference ("Depth of filter must not be 0"), which checks the depth
  /// before the windows (hostile batch8 h10, script 1119). Keras 3 accepts it; nil there and when
  /// the input has channels.
  static func zeroDepth(_ conv: Conv, input: TensorShape) throws(Exact.Overflow) -> KerasError? {
    guard conv.common.kerasVersion == .keras2, input.rank == conv.rank + 2,
      input[conv.dataFormat.channelAxis(rank: input.rank)] == 0
    else { return nil }
    guard conv.groups == 1 else {
      return .limitation(
        "ConvBook does not support a grouped convolution on an input with no channels in tf-keras yet (\"\(conv.name)\" on \(input))"
      )
    }
    if conv.dilationRate.contains(where: { $0 > 1 }) {
      return inCall(
        layer: conv.name, className: conv.className, input: input, "integer modulo by zero",
        type: "ZeroDivisionError")
    }
    // Causal padding pads the length first; the op then runs with valid padding.
    var shape = input
    if conv.padding == .causal {
      let axis = conv.dataFormat == .channelsLast ? 1 : 2
      if let length = input[axis] {
        var dimensions = input.dimensions
        dimensions[axis] = try Exact.add(length, conv.kernelSize[0] - 1)
        shape = TensorShape(dimensions)
      }
    }
    let op = try convolution(conv, input: shape)
    return inCall(
      layer: conv.name, className: conv.className, input: input,
      "Depth of filter must not be 0 for '\(op)' with input shapes: \(op.shapesDescription).")
  }

  /// TensorFlow's refusal of `padding='causal'` for pooling, which Keras' `normalize_padding` accepts.
  static func causalPooling(
    _ op: GraphOp, rank: Int, layer: String, className: String, input: TensorShape
  )
    -> KerasError
  {
    let message: String
    if rank == 1 {
      message = "Invalid padding: causal"
    } else {
      let allowed =
        op.type == "MaxPool" ? "\"SAME\", \"VALID\", \"EXPLICIT\"" : "\"SAME\", \"VALID\""
      message = "Attr 'padding' of '\(op.type)' Op passed string 'CAUSAL' not in: \(allowed)."
    }
    return inCall(layer: layer, className: className, input: input, message)
  }

  // MARK: Lowering

  /// The op a `ConvND` layer lowers to. Grouped convolutions run in a separately compiled function,
  /// whose nodes carry no layer scope (Keras adds an "in user code" traceback there that names files
  /// of the TensorFlow installation; ConvBook leaves that out).
  static func convolution(_ conv: Conv, input: TensorShape) throws(Exact.Overflow) -> GraphOp {
    let rank = conv.rank
    let scope = conv.groups > 1 ? "Conv\(rank)D" : "\(conv.name)/Conv\(rank)D"
    let dilated = conv.dilationRate.contains { $0 > 1 }
    // Extra leading batch axes (Keras allows them for convolutions) are reshaped into one unknown
    // batch axis first, and the op then sits one scope deeper.
    let extra = input.rank - (rank + 2)
    let folded = extra > 0 ? TensorShape([nil] + input.dimensions.dropFirst(extra + 1)) : input
    // A dilated Conv1D is space-to-batched along its length before it is expanded to 2D.
    let layout = try Layout(folded, dataFormat: conv.dataFormat, rank: rank)
      .spaceToBatch(dilated ? (rank == 1 ? [1] : []) + conv.dilationRate : nil)
    let inputs: [String]
    if extra > 0 {
      let op = rank == 3 ? "Conv3D" : "Conv2D"
      inputs = [
        "\(scope)/Reshape", rank == 1 ? "\(scope)/ExpandDims_1" : "\(scope)/\(op)/ReadVariableOp",
      ]
    } else if rank == 1 {
      inputs = ["\(scope)/ExpandDims", "\(scope)/ExpandDims_1"]
    } else if conv.groups > 1 {
      inputs = [dilated ? "SpaceToBatchND" : "inputs", "kernel"]
    } else {
      inputs = [dilated ? "\(scope)/SpaceToBatchND" : "Placeholder", "\(scope)/ReadVariableOp"]
    }
    let channels = (input[conv.dataFormat.channelAxis(rank: input.rank)] ?? 0) / max(conv.groups, 1)
    let kernel = (rank == 1 ? [1] : []) + conv.kernelSize + [channels, conv.filters]
    var attributes: [String: GraphOp.Attribute] = [
      "data_format": .string(layout.formatName),
      "dilations": .ints(Array(repeating: 1, count: layout.rank)),
      "strides": .ints(layout.fullRank(rank == 1 ? [1] + conv.strides : conv.strides)),
    ]
    if rank < 3 {
      attributes["explicit_paddings"] = .ints([])
      attributes["use_cudnn_on_gpu"] = .bool(true)
    }
    let type = rank == 3 ? "Conv3D" : "Conv2D"
    return GraphOp(
      node: extra > 0 ? "\(scope)/\(type)" : scope, type: type, attributes: attributes,
      padding: conv.padding, inputs: inputs, inputShapes: [layout.dimensions, kernel],
      spatialAxes: layout.spatialAxes, windows: (rank == 1 ? [1] : []) + conv.kernelSize)
  }

  /// The depthwise op of `DepthwiseConvND` and `SeparableConvND` (the pointwise op after it cannot
  /// fail). `DepthwiseConv2D` transposes channels-first inputs to channels-last on CPU; the others
  /// keep NCHW.
  static func depthwise(
    layer: String, separable: Bool, rank: Int, kernelSize: [Int], strides: [Int],
    dilationRate: [Int],
    depthMultiplier: Int, padding: Padding, dataFormat: DataFormat, input: TensorShape
  ) throws(Exact.Overflow) -> GraphOp {
    let scope = separable ? "\(layer)/separable_conv2d" : "\(layer)/depthwise"
    let dilated = dilationRate.contains { $0 > 1 }
    let transposes = !separable && rank == 2 && dataFormat == .channelsFirst
    var layout = Layout(input, dataFormat: dataFormat, rank: rank, toChannelsLast: transposes)
    // 1D layers run the 2D op on a height-1 image; depthwise 1D repeats its settings on that axis.
    let blocks = rank == 2 ? dilationRate : (separable ? [1] : dilationRate) + dilationRate
    let expandedStrides = rank == 2 ? strides : strides + strides
    layout = try layout.spaceToBatch(dilated ? blocks : nil)
    let source: String
    if dilated {
      source = "\(scope)/SpaceToBatchND"
    } else if rank == 1 {
      source = "\(layer)/ExpandDims"
    } else {
      source = transposes ? "\(layer)/transpose" : "Placeholder"
    }
    let kernelSource = rank == 1 ? "\(layer)/ExpandDims_1" : "\(scope)/ReadVariableOp"
    let channels = input.rank > 0 ? (input[dataFormat.channelAxis(rank: input.rank)] ?? 0) : 0
    let kernel = (rank == 1 ? [1] : []) + kernelSize + [channels, depthMultiplier]
    // The attributes are the 2D op's, also when the input has another rank (which the op refuses).
    let channelsFirst = layout.channelsFirst
    let strideAttribute = channelsFirst ? [1, 1] + expandedStrides : [1] + expandedStrides + [1]
    return GraphOp(
      node: separable ? "\(scope)/depthwise" : scope, type: "DepthwiseConv2dNative",
      attributes: [
        "data_format": .string(channelsFirst ? "NCHW" : "NHWC"), "dilations": .ints([1, 1, 1, 1]),
        "explicit_paddings": .ints([]), "strides": .ints(strideAttribute),
      ], padding: padding, inputs: [source, kernelSource],
      inputShapes: [layout.dimensions, kernel],
      spatialAxes: layout.spatialAxes, windows: (rank == 1 ? [1] : []) + kernelSize, expectedRank: 4
    )
  }

  /// The op of `MaxPoolingND` / `AveragePoolingND`. 1D pooling runs the 2D op on a width-1 image,
  /// channels-last; 3D pooling transposes channels-first inputs; 2D pooling passes NCHW through.
  static func pooling(_ pooling: Pooling, input: TensorShape) -> GraphOp {
    let rank = pooling.rank
    let type = (pooling.kind == .max ? "MaxPool" : "AvgPool") + (rank == 3 ? "3D" : "")
    let layer = pooling.name
    let layout: Layout
    let source: String
    switch rank {
    case 1:
      layout = Layout(
        input, dataFormat: pooling.dataFormat, rank: 1, toChannelsLast: true,
        unitAxisAfterLength: true)
      source = pooling.dataFormat == .channelsLast ? "\(layer)/ExpandDims" : "\(layer)/transpose"
    case 2:
      layout = Layout(input, dataFormat: pooling.dataFormat, rank: 2)
      source = "Placeholder"
    default:
      layout = Layout(input, dataFormat: pooling.dataFormat, rank: 3, toChannelsLast: true)
      source = pooling.dataFormat == .channelsLast ? "Placeholder" : "\(layer)/transpose"
    }
    let window = rank == 1 ? pooling.poolSize + [1] : pooling.poolSize
    let strides = rank == 1 ? pooling.strides + [1] : pooling.strides
    var attributes: [String: GraphOp.Attribute] = [
      "data_format": .string(layout.formatName), "ksize": .ints(layout.fullRank(window)),
      "strides": .ints(layout.fullRank(strides)),
    ]
    if type == "MaxPool" { attributes["explicit_paddings"] = .ints([]) }
    return GraphOp(
      node: "\(layer)/\(type)", type: type, attributes: attributes, padding: pooling.padding,
      inputs: [source], inputShapes: [layout.dimensions], spatialAxes: layout.spatialAxes,
      windows: window)
  }

  /// The input of an op: its dimensions in the op's own layout and where the spatial axes are.
  struct Layout {
    var dimensions: [Int?]
    var channelsFirst: Bool
    /// Indices of the spatial axes in `dimensions`.
    var spatialAxes: [Int]

    var rank: Int { dimensions.count }

    var formatName: String {
      let spatial = rank == 5 ? "DHW" : "HW"
      return channelsFirst ? "NC" + spatial : "N" + spatial + "C"
    }

    /// The layer's input as the op sees it: transposed to channels-last when the layer does that,
    /// and for 1D layers with an axis of 1 added (`ExpandDims`) before the length, or after it for
    /// pooling.
    init(
      _ input: TensorShape, dataFormat: DataFormat, rank: Int, toChannelsLast: Bool = false,
      unitAxisAfterLength: Bool = false
    ) {
      var dimensions = input.dimensions
      channelsFirst = dataFormat == .channelsFirst
      if channelsFirst && toChannelsLast && dimensions.count > 2 {
        dimensions.append(dimensions.remove(at: 1))
        channelsFirst = false
      }
      let first = channelsFirst ? 2 : 1
      if rank == 1 && dimensions.count >= 2 {
        dimensions.insert(1, at: min(unitAxisAfterLength ? first + 1 : first, dimensions.count))
      }
      self.dimensions = dimensions
      let end = channelsFirst ? dimensions.count : dimensions.count - 1
      spatialAxes = Array(first..<max(first, end))
    }

    /// `SpaceToBatchND` as TensorFlow's `with_space_to_batch` applies it for dilated ops: each spatial
    /// length is padded to a multiple of its block and divided by it; the batch multiplies.
    func spaceToBatch(_ blocks: [Int]?) throws(Exact.Overflow) -> Layout {
      guard let blocks else { return self }
      var result = self
      for (axis, block) in zip(spatialAxes, blocks) {
        if let length = dimensions[axis] {
          result.dimensions[axis] = try Exact.subtract(Exact.add(length, block), 1) / block
        }
      }
      if let batch = dimensions[0] {
        result.dimensions[0] = try Exact.multiply(batch, Exact.product(blocks))
      }
      return result
    }

    /// A per-spatial-axis attribute (`strides`, `ksize`) at the op's full rank, 1 elsewhere.
    func fullRank(_ values: [Int]) -> [Int] {
      var result = Array(repeating: 1, count: rank)
      for (axis, value) in zip(spatialAxes, values) { result[axis] = value }
      return result
    }
  }

  /// A TensorFlow graph node as shape-inference errors print it (`SummarizeNodeDef`):
  /// `{{node conv2d/Conv2D}} = Conv2D[T=DT_FLOAT, data_format="NHWC", ...](Placeholder, ...)`,
  /// attributes sorted by name.
  struct GraphOp: CustomStringConvertible {
    enum Attribute {
      case string(String)
      case ints([Int])
      case bool(Bool)

      var text: String {
        switch self {
        case .string(let value): return "\"\(value)\""
        case .ints(let values): return "[" + values.map(String.init).joined(separator: ", ") + "]"
        case .bool(let value): return value ? "true" : "false"
        }
      }
    }

    var node: String
    var type: String
    var attributes: [String: Attribute]
    var padding: Padding
    var inputs: [String]
    var inputShapes: [[Int?]]
    var spatialAxes: [Int]
    var windows: [Int]
    /// The input rank the op requires (checked before the windows).
    var expectedRank: Int

    init(
      node: String, type: String, attributes: [String: Attribute], padding: Padding,
      inputs: [String],
      inputShapes: [[Int?]], spatialAxes: [Int], windows: [Int], expectedRank: Int? = nil
    ) {
      self.node = node
      self.type = type
      self.attributes = attributes
      self.padding = padding
      self.inputs = inputs
      self.inputShapes = inputShapes
      self.spatialAxes = spatialAxes
      self.windows = windows
      self.expectedRank = expectedRank ?? inputShapes[0].count
    }

    var description: String {
      var all = attributes.map { ($0.key, $0.value.text) }
      all.append(("T", "DT_FLOAT"))
      all.append(("padding", padding == .same ? "\"SAME\"" : "\"VALID\""))
      let attributeText = all.sorted { $0.0 < $1.0 }.map { "\($0.0)=\($0.1)" }.joined(
        separator: ", ")
      return "{{node \(node)}} = \(type)[\(attributeText)](\(inputs.joined(separator: ", ")))"
    }

    /// `[?,2,2,16], [3,3,16,32]`.
    var shapesDescription: String {
      inputShapes.map(TensorShape.init).map(\.graphDescription).joined(separator: ", ")
    }
  }
}
