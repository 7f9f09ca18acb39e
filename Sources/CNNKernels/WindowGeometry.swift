/// Sizes of a sliding-window kernel (convolution, depthwise, pooling) normalized to three spatial
/// axes (depth, height, width) with leading axes of size 1, so one loop nest serves 1D, 2D and 3D.
struct WindowGeometry {
  var batch = 1
  var channels = 1
  var spatialRank = 1
  var input = [1, 1, 1]
  var output = [1, 1, 1]
  var kernel = [1, 1, 1]
  var strides = [1, 1, 1]
  var dilations = [1, 1, 1]
  var padBefore = [0, 0, 0]

  /// input (N, spatial..., C) with a window of `kernelSize` (one entry per spatial axis).
  init(
    inputShape shape: [Int], kernelSize: [Int], strides: [Int], dilations: [Int],
    padding: SpatialPadding
  )
    throws(KernelError)
  {
    let rank = kernelSize.count
    guard (1...3).contains(rank) else {
      throw KernelError("windows have 1 to 3 spatial axes, got \(rank)")
    }
    guard shape.count == rank + 2 else {
      throw KernelError(
        "a \(rank)D window needs a rank-\(rank + 2) input (N, spatial..., C), got \(shape)")
    }
    guard strides.count == rank, dilations.count == rank, padding.before.count == rank,
      padding.after.count == rank
    else {
      throw KernelError("strides, dilations and padding need \(rank) entries each")
    }
    guard kernelSize.allSatisfy({ $0 >= 1 }) else {
      throw KernelError("window size \(kernelSize) must be positive")
    }
    guard strides.allSatisfy({ $0 >= 1 }), dilations.allSatisfy({ $0 >= 1 }) else {
      throw KernelError("strides \(strides) and dilations \(dilations) must be at least 1")
    }
    guard (padding.before + padding.after).allSatisfy({ $0 >= 0 }) else {
      throw KernelError("negative padding \(padding)")
    }
    guard shape.allSatisfy({ $0 >= 0 }) else { throw KernelError("negative dimension in \(shape)") }
    let spatial = Array(shape[1...rank])
    let outputSize = padding.outputSize(
      inputSize: spatial, kernelSize: kernelSize, strides: strides, dilations: dilations)
    let lead = 3 - rank
    batch = shape[0]
    channels = shape[rank + 1]
    spatialRank = rank
    for axis in 0..<rank {
      input[lead + axis] = spatial[axis]
      output[lead + axis] = outputSize[axis]
      kernel[lead + axis] = kernelSize[axis]
      // With at most one output position the stride never moves the window: 1 gives the same
      // result and keeps offsets (stride x channels) small however large a stride the layer has.
      self.strides[lead + axis] = outputSize[axis] <= 1 ? 1 : strides[axis]
      self.dilations[lead + axis] = dilations[axis]
      padBefore[lead + axis] = padding.before[axis]
    }
  }

  /// Output spatial sizes in the caller's rank.
  var outputSpatial: [Int] { Array(output.suffix(spatialRank)) }

  /// Output shape (N, spatial'..., channels).
  func outputShape(channels: Int) -> [Int] { [batch] + outputSpatial + [channels] }

  /// Number of (n, od, oh) output rows.
  var rows: Int { batch * output[0] * output[1] }

  /// First input index of the window at output position `o` along `axis` (may be negative).
  @inline(__always)
  func start(_ o: Int, axis: Int) -> Int { o * strides[axis] - padBefore[axis] }

  /// Kernel taps [first, last] along `axis` that land inside the input for output position `o`;
  /// empty when first > last.
  @inline(__always)
  func validTaps(_ o: Int, axis: Int) -> (first: Int, last: Int) {
    let start = o * strides[axis] - padBefore[axis]
    let dilation = dilations[axis]
    let first = start >= 0 ? 0 : (-start + dilation - 1) / dilation
    let reach = input[axis] - 1 - start
    let last = reach < 0 ? -1 : min(kernel[axis] - 1, reach / dilation)
    return (first, last)
  }
}
