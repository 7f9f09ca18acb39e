/// Inference of `Embedding` and of the preprocessing layers (`Rescaling`, `Normalization`, `Resizing`,
/// `CenterCrop`, `RandomCrop`), with tf-keras 2.21's formulas in float32.
package enum PreprocessingKernels {
  /// `Embedding`: row `ids[i]` of `table` for every id; ids arrive as floats (from `.npy`) and
  /// are truncated to integers as `tf.cast(inputs, "int32")` does.
  /// ids (N, seq...), table (V, D) -> (N, seq..., D)
  package static func embed(_ ids: Tensor, table: Tensor) throws(KernelError) -> Tensor {
    guard table.rank == 2 else {
      throw KernelError("an embedding table must be (input_dim, output_dim), got \(table.shape)")
    }
    let (vocabulary, depth) = (table.shape[0], table.shape[1])
    let count = ids.count
    var output = [Float](repeating: 0, count: count * depth)
    let idValues = ids.scalars
    let rows = table.scalars
    for position in 0..<count {
      let value = idValues[position]
      guard value.isFinite, let id = Int(exactly: value.rounded(.towardZero)), id >= 0,
        id < vocabulary
      else {
        let index = coordinates(of: position, in: ids.shape).map(String.init).joined(
          separator: ",")
        throw KernelError(
          "indices[\(index)] = \(value.isFinite ? String(Int(value.rounded(.towardZero))) : String(value)) is not in [0, \(vocabulary))"
        )
      }
      let source = id * depth
      let target = position * depth
      for channel in 0..<depth { output[target + channel] = rows[source + channel] }
    }
    return try Tensor(shape: ids.shape + [depth], scalars: output)
  }

  private static func coordinates(of position: Int, in shape: [Int]) -> [Int] {
    var remaining = position
    var result = [Int](repeating: 0, count: shape.count)
    for axis in shape.indices.reversed() {
      let size = max(shape[axis], 1)
      result[axis] = remaining % size
      remaining /= size
    }
    return result
  }

  /// `Normalization`: (x - mean) / max(sqrt(variance), 1e-7), or with `invert`
  /// mean + x * max(sqrt(variance), 1e-7); mean and variance are indexed by the kept axes.
  /// tensor (any shape), mean/variance (sizes of `keptAxes`) -> same shape
  package static func normalize(
    _ tensor: inout Tensor, keptAxes: [Int], mean: [Float], variance: [Float], invert: Bool
  ) throws(KernelError) {
    let shape = tensor.shape
    let keptSizes = keptAxes.map { shape[$0] }
    let statistics = keptSizes.reduce(1, *)
    // One value for all, one per kept index, or one per index of the last kept axis (numpy
    // broadcasting of the given list against the kept shape).
    let lastKept = keptSizes.last ?? 1
    guard
      [statistics, 1, lastKept].contains(mean.count),
      [statistics, 1, lastKept].contains(variance.count)
    else {
      throw KernelError(
        "normalization statistics of \(mean.count) values do not fit axes \(keptAxes) of \(shape)")
    }
    let epsilon: Float = 1e-7
    let scales = variance.map { max($0.squareRoot(), epsilon) }
    // Stride of each axis within the flattened kept axes (0 for the other axes).
    var keptStride = [Int](repeating: 0, count: shape.count)
    var stride = 1
    for (axis, size) in zip(keptAxes, keptSizes).reversed() {
      keptStride[axis] = stride
      stride *= size
    }
    let count = tensor.count
    tensor.withUnsafeMutableBufferPointer { buffer in
      var coordinates = [Int](repeating: 0, count: shape.count)
      for index in 0..<count {
        var statistic = 0
        for axis in coordinates.indices { statistic += coordinates[axis] * keptStride[axis] }
        let m = mean[statistic % mean.count]
        let scale = scales[statistic % scales.count]
        let x = buffer[index]
        buffer[index] = invert ? m + x * scale : (x - m) / scale
        RowMajorIndex.advance(&coordinates, in: shape)
      }
    }
  }

  /// `tf.image.resize(images, size, method)` (antialias off) for (N, H, W, C).
  package static func resize(_ input: Tensor, size: [Int], method: String, threads: Int)
    throws(KernelError) -> Tensor
  {
    if method == "nearest" { return try nearest(input, size: size) }
    return try ResizeKernel.resize(input, size: size, method: method, threads: threads)
  }

  /// ResizeNearestNeighbor with half-pixel centers: source index floor((i + 0.5) * in/out).
  /// input (N, H, W, C) -> (N, OH, OW, C)
  private static func nearest(_ input: Tensor, size: [Int]) throws(KernelError) -> Tensor {
    let (batch, height, width, channels) = (
      input.shape[0], input.shape[1], input.shape[2], input.shape[3]
    )
    let (outHeight, outWidth) = (size[0], size[1])
    let heightScale = Float(height) / Float(outHeight)
    let widthScale = Float(width) / Float(outWidth)
    func source(_ index: Int, _ scale: Float, _ limit: Int) -> Int {
      max(0, min(Int(((Float(index) + 0.5) * scale).rounded(.down)), limit - 1))
    }
    let values = input.scalars
    var output = [Float](repeating: 0, count: batch * outHeight * outWidth * channels)
    var target = 0
    for n in 0..<batch {
      for y in 0..<outHeight {
        let sy = source(y, heightScale, height)
        for x in 0..<outWidth {
          let sx = source(x, widthScale, width)
          let base = ((n * height + sy) * width + sx) * channels
          for c in 0..<channels {
            output[target] = values[base + c]
            target += 1
          }
        }
      }
    }
    return try Tensor(shape: [batch, outHeight, outWidth, channels], scalars: output)
  }

  /// tf-keras `image_utils.smart_resize`: the largest centered window with the target aspect
  /// ratio, resized to `size`. input (N, H, W, C) -> (N, size[0], size[1], C)
  package static func smartResize(_ input: Tensor, size: [Int], method: String, threads: Int)
    throws(KernelError) -> Tensor
  {
    let (height, width) = (input.shape[1], input.shape[2])
    let (targetHeight, targetWidth) = (size[0], size[1])
    let cropHeight = min(height, Int(Float(width * targetHeight) / Float(targetWidth)))
    let cropWidth = min(width, Int(Float(height * targetWidth) / Float(targetHeight)))
    let top = Int(Float(height - cropHeight) / 2)
    let left = Int(Float(width - cropWidth) / 2)
    let cropped = try CroppingKernel.crop(
      input,
      cropping: SpatialPadding(
        before: [top, left],
        after: [height - cropHeight - top, width - cropWidth - left]))
    return try resize(cropped, size: size, method: method, threads: threads)
  }

  /// `CenterCrop`: the window starting at ((H - height) / 2, (W - width) / 2) truncated; an image
  /// smaller than the window in either axis goes through `smartResize` (bilinear) instead.
  /// input (N, H, W, C) -> (N, size[0], size[1], C)
  package static func centerCrop(_ input: Tensor, size: [Int], threads: Int) throws(KernelError)
    -> Tensor
  {
    let (height, width) = (input.shape[1], input.shape[2])
    let (heightDifference, widthDifference) = (height - size[0], width - size[1])
    guard heightDifference >= 0, widthDifference >= 0 else {
      return try smartResize(input, size: size, method: "bilinear", threads: threads)
    }
    let top = heightDifference / 2
    let left = widthDifference / 2
    return try CroppingKernel.crop(
      input,
      cropping: SpatialPadding(
        before: [top, left], after: [heightDifference - top, widthDifference - left]))
  }

  /// Keras `Rescaling`: scale * x + offset, two float32 roundings as TensorFlow computes it.
  /// tensor (any shape) -> same shape
  package static func rescale(_ tensor: inout Tensor, scale: Float, offset: Float, threads: Int) {
    let count = tensor.count
    tensor.withUnsafeMutableBufferPointer { buffer in
      guard let values = buffer.baseAddress else { return }
      KernelParallelism.forEachSlice(count: count, threads: threads, minimumPerThread: 1 << 15) {
        range in
        for index in range {
          let product = scale * values[index]
          values[index] = product + offset
        }
      }
    }
  }
}
