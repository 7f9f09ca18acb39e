/// A Keras layer as configured by its constructor: it knows its output shape for an input shape, the
/// weights it creates, and how many multiply-accumulates one sample costs.
///
/// Layers are values; which model they belong to and what shape they were built with is recorded by
/// `LayerInstance`. Every conforming type is named with Keras' spelling of the class it stands for.
public protocol Layer: Sendable {
  /// Name, trainability and declared input shape: what Keras' base `Layer.__init__` handles.
  var common: LayerCommon { get }
  /// The Keras class name shown in summaries: `Conv2D`, `MaxPooling2D`, ...
  var className: String { get }
  /// Checks the input the way Keras' `InputSpec` and `build` do, then infers the output shape.
  func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape
  /// The weights `build` creates, in Keras' order (`kernel`, `bias`; `gamma`, `beta`, `moving_mean`, ...).
  func weights(for input: TensorShape) -> [WeightSpec]
  /// Multiply-accumulates of one sample: products with learned weights (kernels, dense matrices,
  /// the depthwise and pointwise parts of separable convolutions, and the input and recurrent
  /// products of every time step of a recurrent layer). Bias additions, activations, gates,
  /// pooling and normalization are not counted.
  func multiplyAccumulates(input: TensorShape, output: TensorShape) throws(Exact.Overflow) -> Int
  /// How the forward pass runs the layer: its kernel call, with its weights taken from the model
  /// and packed once (`ForwardPlan`); each layer's own file says it, or why it cannot run.
  func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan
  /// Values the forward pass's packed copies of the layer's weights hold (`forwardPlan(_:)`),
  /// counted before packing for the memory estimate; `weights`: those `build` made for the call.
  func packedWeightValues(input: TensorShape, weights: [WeightSpec]) throws(Exact.Overflow) -> Int
  /// What the layer does with the Keras mask of its input (`MaskEffect`).
  var maskEffect: MaskEffect { get }
  /// What Keras 3 records of masks on symbolic tensors at the layer (`SymbolicMasking`).
  var symbolicMasking: SymbolicMasking { get }
  /// How training runs the layer on one tensor (`TrainingPlan`), or why ConvBook cannot train it.
  func trainingPlan(_ preparation: TrainingPreparation) throws(TrainingError) -> TrainingPlan
  /// The constructor setting `name` as Keras keeps it on the layer, for code that reads it back
  /// (`LayerSetting`); nil for a setting the layer does not have or ConvBook does not keep.
  func setting(_ name: String) -> LayerSetting?
}

/// A layer without weights: `build` creates none and a sample costs no multiply-accumulates.
/// Conforming says so; every other layer states its weights and multiply-accumulates itself.
public protocol WeightlessLayer: Layer {}

/// A layer whose `data_format=` says which layout its input is in and its output comes out in:
/// the convolutions (ConvLSTM2D included), pooling, global pooling, padding, cropping and
/// up-sampling. Flatten and SpatialDropout also take `data_format=` but only read it: Flatten's
/// output has no spatial axes and SpatialDropout passes its input on as it came, so the layout
/// after them is still the one an earlier layer stated.
public protocol LayoutLayer: Layer {
  var dataFormat: DataFormat { get }
  /// Whether TensorFlow's CPU kernel for this layer refuses `data_format="channels_first"` when it
  /// runs on data (`UnimplementedError` or `InvalidArgumentError`, in text that names the traced
  /// graph's node), in tf-keras or Keras 3 (`keras3`), which build the layer from different ops.
  /// Shapes and summaries are unaffected; ConvBook's own analyses still run the layer.
  func channelsFirstFailsOnCPU(keras3: Bool) -> Bool
}

/// A layer that slides a window over its input's spatial axes: the convolutions and pooling. The
/// analyses (receptive field, the convolution figure) read the window from here.
public protocol WindowLayer: LayoutLayer {
  var window: SlidingWindow { get }
}

/// The window a `WindowLayer` slides, one entry per spatial axis.
public struct SlidingWindow: Sendable, Equatable {
  public var size: [Int]
  public var strides: [Int]
  public var dilation: [Int]
  public var padding: Padding
  /// A transposed convolution's window, which spreads each input value over the output; its
  /// `output_padding` when given.
  public var transposed: Bool
  public var outputPadding: [Int]?

  public init(
    size: [Int], strides: [Int], dilation: [Int], padding: Padding, transposed: Bool = false,
    outputPadding: [Int]? = nil
  ) {
    self.size = size
    self.strides = strides
    self.dilation = dilation
    self.padding = padding
    self.transposed = transposed
    self.outputPadding = outputPadding
  }
}

extension WeightlessLayer {
  public func weights(for input: TensorShape) -> [WeightSpec] { [] }
  public func multiplyAccumulates(input: TensorShape, output: TensorShape) throws(Exact.Overflow)
    -> Int
  { 0 }

  public func packedWeightValues(input: TensorShape, weights: [WeightSpec]) throws(Exact.Overflow)
    -> Int
  { 0 }
}

extension Layer {
  public var name: String { common.name }
  /// Keras' base `Layer` does not support masking: the mask stops here.
  public var maskEffect: MaskEffect { .drop }
  /// Keras' base `Layer` makes no mask, takes none in `call`, and passes one on only where it
  /// supports masking.
  public var symbolicMasking: SymbolicMasking { SymbolicMasking(carries: maskEffect == .carry) }

  /// `packedWeightValues(input:weights:)` of the weights `build` makes for `input`.
  func packedWeightValues(input: TensorShape) throws(Exact.Overflow) -> Int {
    try packedWeightValues(input: input, weights: weights(for: input))
  }

  /// Keras' `InputSpec(ndim=...)` check.
  func requireRank(_ input: TensorShape, exactly rank: Int) throws(KerasError) {
    if input.rank != rank {
      throw .value(
        "Input 0 of layer \"\(name)\" is incompatible with the layer: expected ndim=\(rank), found ndim=\(input.rank). Full shape received: \(input)"
      )
    }
  }

  /// Keras' `InputSpec(min_ndim=...)` check.
  func requireRank(_ input: TensorShape, atLeast rank: Int) throws(KerasError) {
    if input.rank < rank {
      throw .value(
        "Input 0 of layer \"\(name)\" is incompatible with the layer: expected min_ndim=\(rank), found ndim=\(input.rank). Full shape received: \(input)"
      )
    }
  }

  /// The size of the channel axis, which Keras requires to be known when it builds weights.
  /// Keras names the axis as its layer stores it (`-1`, or `-1 - rank` for channels-first
  /// convolutions) and some layers name themselves (`to `DepthwiseConv``).
  func definedChannels(
    _ input: TensorShape, axis: Int, reportedAxis: Int, of owner: String? = nil
  ) throws(KerasError) -> Int {
    guard let channels = input[axis] else {
      let inputs = owner.map { "inputs to `\($0)`" } ?? "inputs"
      throw .value(
        "The channel dimension of the \(inputs) should be defined. The input_shape received is \(input), where axis \(reportedAxis) (0-based) is the channel dimension, which found to be `None`."
      )
    }
    return channels
  }
}

/// What Keras' base layer keeps for every layer.
public struct LayerCommon: Sendable {
  public var name: String
  public var trainable: Bool
  /// The batch input shape declared with `input_shape=`, `batch_input_shape=`, `input_dim=` or
  /// `batch_size=`; Sequential uses it to create the hidden input layer.
  public var declaredBatchInputShape: TensorShape?
  /// The bound constructor arguments, for display and for layers' own configuration.
  public var arguments: LayerArguments
  /// The Keras whose checks the layer makes, where the two differ (Keras 3's preprocessing layers
  /// accept other arguments and ranks than tf-keras').
  public var kerasVersion: KerasVersion = .keras2
  /// A declared `input_shape=` that no input can have (a negative size): Keras keeps it as
  /// given and fails where a Sequential model makes its input layer from it.
  public var declaredShapeError: KerasError?

  public init(
    name: String, trainable: Bool = true, declaredBatchInputShape: TensorShape? = nil,
    arguments: LayerArguments
  ) {
    self.name = name
    self.trainable = trainable
    self.declaredBatchInputShape = declaredBatchInputShape
    self.arguments = arguments
  }
}

/// One weight variable a layer creates.
public struct WeightSpec: Sendable, Equatable {
  /// Keras' variable name within the layer: `kernel`, `bias`, `gamma`, `moving_mean`, ...
  public var name: String
  public var shape: [Int]
  public var trainable: Bool
  /// The initializer Keras uses for it (`glorot_uniform`, `zeros`, `ones`, or one a cell names).
  public var initializer: ArgumentValue
  /// Bytes of one value: 4 for float32, 8 for the int64 `count` of `Normalization`; the summary
  /// footer's sizes add these up.
  public var bytesPerValue: Int

  public init(
    _ name: String, _ shape: [Int], trainable: Bool = true, initializer: ArgumentValue,
    bytesPerValue: Int = 4
  ) {
    self.name = name
    self.shape = shape
    self.trainable = trainable
    self.initializer = initializer
    self.bytesPerValue = bytesPerValue
  }

  /// The number of values. Only for specs of built layers, whose counts were checked
  /// (`LayerCounts`); other specs go through `exactCount()`.
  public var count: Int {
    do {
      return try exactCount()
    } catch {
      preconditionFailure("the size of weight \(name) \(shape) was never checked")
    }
  }

  /// The number of values, refused beyond 64 bits.
  public func exactCount() throws(Exact.Overflow) -> Int { try Exact.product(shape) }
}
