/// Keras `UpSampling1D/2D/3D` with nearest-neighbour interpolation: every value repeated `size`
/// times along each spatial axis (UpSampling1D is `K.repeat_elements` along time).
public enum UpSamplingKernel {
  /// input (N, spatial..., C), size (one factor per spatial axis) -> output (N, spatial * size..., C)
  public static func upsample(_ input: Tensor, size: [Int]) throws(KernelError) -> Tensor {
    let rank = input.rank - 2
    guard rank >= 1, size.count == rank, size.allSatisfy({ $0 >= 1 }) else {
      throw KernelError(
        "upsampling needs a positive factor for each spatial axis of \(input.shape), got \(size)")
    }
    var shape = input.shape
    for axis in 0..<rank { shape[axis + 1] *= size[axis] }
    let channels = input.shape[rank + 1]
    let inputShape = input.shape
    return Tensor(uninitializedShape: shape) { output in
      guard output.count > 0 else { return }
      input.scalars.withUnsafeBufferPointer { source in
        let pixels = output.count / max(1, channels)
        var index = [Int](repeating: 0, count: rank + 1)  // (n, spatial...)
        for pixel in 0..<pixels {
          var sourcePixel = index[0]
          for axis in 0..<rank {
            sourcePixel = sourcePixel * inputShape[axis + 1] + index[axis + 1] / size[axis]
          }
          (output.baseAddress! + pixel * channels).update(
            from: source.baseAddress! + sourcePixel * channels, count: channels)
          var axis = rank
          while axis >= 0 {
            index[axis] += 1
            if axis == 0 || index[axis] < shape[axis] { break }
            index[axis] = 0
            axis -= 1
          }
        }
      }
    }
  }

  /// The gradient of `upsample` for its input: each input value was copied to a block of
  /// `size` outputs, so it receives the sum of their gradients (in the blocks' row-major order).
  /// outputGradient (N, spatial * size..., C) -> (N, spatial..., C) = `inputShape`.
  public static func gradient(_ outputGradient: Tensor, size: [Int], inputShape: [Int])
    throws(KernelError) -> Tensor
  {
    let rank = inputShape.count - 2
    var expected = inputShape
    if rank >= 1, size.count == rank {
      for axis in 0..<rank { expected[axis + 1] *= size[axis] }
    }
    guard rank >= 1, size.count == rank, size.allSatisfy({ $0 >= 1 }),
      outputGradient.shape == expected
    else {
      throw KernelError(
        "upsampling gradient of shape \(outputGradient.shape) does not fit input \(inputShape) and factors \(size)"
      )
    }
    let channels = inputShape[rank + 1]
    let shape = outputGradient.shape
    var sums = [Float](repeating: 0, count: inputShape.reduce(1, *))
    outputGradient.scalars.withUnsafeBufferPointer { source in
      let pixels = source.count / max(1, channels)
      var index = [Int](repeating: 0, count: rank + 1)  // (n, spatial...) of the output
      for pixel in 0..<pixels {
        var target = index[0]
        for axis in 0..<rank {
          target = target * inputShape[axis + 1] + index[axis + 1] / size[axis]
        }
        for c in 0..<channels {
          sums[target * channels + c] += source[pixel * channels + c]
        }
        var axis = rank
        while axis >= 0 {
          index[axis] += 1
          if axis == 0 || index[axis] < shape[axis] { break }
          index[axis] = 0
          axis -= 1
        }
      }
    }
    return Tensor(validShape: inputShape, scalars: sums)
  }
}
