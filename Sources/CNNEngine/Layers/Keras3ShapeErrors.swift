/// Keras 3's refusals of a window that does not fit its input, or of a convolution on an input of
/// more axes than its kernel (`compute_conv_output_shape` and
/// `compute_pooling_output_shape` in `keras/src/ops/operation_utils.py`). Keras 3 checks the
/// shapes itself, before TensorFlow sees an op, so its words name the layer's own settings where
/// tf-keras quotes TensorFlow's graph node (`ShapeErrors`). Only `padding='valid'` can fail, and
/// only along a known length: an output length would be `floor((L - d*(k-1) - 1) / s) + 1 <= 0`,
/// which holds exactly when the (dilated) window is longer than L.
enum Keras3ShapeErrors {
  /// A convolution's refusal, raised while the layer is built (not wrapped as an error in
  /// `call`): `filters` is the kernel's last axis (`depth_multiplier * channels` for a depthwise
  /// convolution).
  static func convolution(
    input: TensorShape, kernelSize: [Int], filters: Int, strides: [Int], dilationRate: [Int],
    padding: Padding, dataFormat: DataFormat
  ) -> KerasError? {
    if input.rank > kernelSize.count + 2 {
      // A Conv2D on a 5-D tensor: tf-keras convolves the trailing axes, Keras 3 compares the
      // kernel's rank with the input's (its kernel shape puts the channels before the filters).
      let channels = input[dataFormat == .channelsLast ? input.rank - 1 : 1]
      let kernel = TensorShape.tuple(kernelSize + [channels, filters])
      return .value(
        "Kernel shape must have the same length as input, but received kernel of shape \(kernel) and input of shape \(input)."
      )
    }
    guard padding == .valid, input.rank == kernelSize.count + 2,
      let channels = input[dataFormat.channelAxis(rank: input.rank)]
    else { return nil }
    let lengths = dataFormat.spatialAxes(rank: input.rank).map { input[$0] }
    guard
      doesNotFit(lengths: lengths, windows: kernelSize, dilations: dilationRate)
    else { return nil }
    let kernel = TensorShape.tuple(kernelSize + [channels, filters])
    return .value(
      "Computed output size would be zero or negative. Received `inputs shape=\(input)`, `kernel shape=\(kernel)`, `dilation_rate=\(numpyArray(dilationRate))`, `strides=\(TensorShape.tuple(strides))`, `padding=valid`."
    )
  }

  /// A pooling layer's refusal: raised inside `call`, so Keras 3 wraps it (`ShapeErrors.inCall`,
  /// reworded by the session), and prints its own message in bold even without a terminal.
  static func pooling(
    layer: String, className: String, input: TensorShape, poolSize: [Int], strides: [Int],
    padding: Padding, dataFormat: DataFormat
  ) -> KerasError? {
    guard padding == .valid, input.rank == poolSize.count + 2 else { return nil }
    let lengths = dataFormat.spatialAxes(rank: input.rank).map { input[$0] }
    guard
      doesNotFit(
        lengths: lengths, windows: poolSize,
        dilations: Array(repeating: 1, count: poolSize.count))
    else { return nil }
    let message =
      "\u{1B}[1mComputed output size would be zero or negative. Received: `inputs.shape=\(numpyArray(input.dimensions))`, `pool_size=\(numpyArray(poolSize))`, `strides=\(TensorShape.tuple(strides))`, `padding=valid`.\u{1B}[0m"
    return ShapeErrors.inCall(layer: layer, className: className, input: input, message)
  }

  /// Whether some known length is shorter than its dilated window `d * (k - 1) + 1` (a window
  /// whose length overflows is longer than any input).
  private static func doesNotFit(lengths: [Int?], windows: [Int], dilations: [Int]) -> Bool {
    for (index, length) in lengths.enumerated() {
      guard let length, index < windows.count, index < dilations.count else { continue }
      let (span, overflow) = dilations[index].multipliedReportingOverflow(by: windows[index] - 1)
      if overflow || span >= length { return true }
    }
    return false
  }

  /// `str(np.array(values))`: an integer array pads every number to the widest one
  /// (`[ 1 10]`); with a `None` it is an object array, whose items are not padded (`[None 3 8]`).
  static func numpyArray(_ values: [Int?]) -> String {
    let items = values.map { $0.map(String.init) ?? "None" }
    guard !values.contains(where: { $0 == nil }) else {
      return "[" + items.joined(separator: " ") + "]"
    }
    let width = items.map(\.count).max() ?? 0
    let padded = items.map { String(repeating: " ", count: width - $0.count) + $0 }
    return "[" + padded.joined(separator: " ") + "]"
  }
}
