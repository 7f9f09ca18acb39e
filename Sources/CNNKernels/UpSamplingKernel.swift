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
}
