import CNNEngine

/// Pooling run at once on data: Keras 3's `keras.ops.max_pool` / `average_pool` on NumPy arrays
/// and eager tensors. On the TensorFlow backend they are `tf.nn.max_pool` / `avg_pool` of a
/// channels-last tensor (a channels-first one is transposed to channels last and back, whatever
/// its axes hold, as Keras' `_transpose_spatial_inputs` does), strides defaulting to the pool
/// size; a window larger than the input gives an empty axis, as TensorFlow's kernel does. ConvBook
/// pools float32 images of four axes.
enum EagerPooling {
  static func pool(
    _ x: NDArray, mode: PoolingKernel.Mode, poolSize: Value?, strides: Value?, padding: Value?,
    dataFormat: Value?, path: String, range: SourceRange, budget: EvaluationBudget
  ) throws(CellError) -> NDArray {
    func limitation(_ what: String) -> CellError {
      .unsupported("ConvBook does not support `\(path)` \(what) yet", at: range)
    }
    guard x.rank == 4 else { throw limitation("on tensors of rank other than 4") }
    guard EagerDType(of: x) == .float32 else {
      throw limitation("on \(EagerDType(of: x).rawValue) values (it pools float32 images)")
    }
    func window(_ value: Value?, _ name: String) throws(CellError) -> [Int] {
      var items: [Value]
      switch value {
      case .int?: items = [value!, value!]
      case .tuple(let given)?: items = given
      case .list(let given)?: items = given.items
      default: throw limitation("with this `\(name)`")
      }
      var sizes: [Int] = []
      for item in items {
        guard case .int(let size) = item else { throw limitation("with this `\(name)`") }
        sizes.append(size)
      }
      guard sizes.count == 2, sizes.allSatisfy({ $0 > 0 }) else {
        throw limitation("with `\(name)=\(PythonText.repr(value ?? .none))`")
      }
      return sizes
    }
    let size = try window(poolSize, "pool_size")
    let step = strides == nil || strides?.isNone == true ? size : try window(strides, "strides")
    guard case .string(let given)? = padding, ["valid", "same"].contains(given.lowercased()) else {
      throw limitation("with a padding other than \"valid\" or \"same\"")
    }
    let same = given.lowercased() == "same"
    let channelsFirst: Bool
    switch dataFormat {
    case nil, .none?, .string("channels_last")?: channelsFirst = false
    case .string("channels_first")?: channelsFirst = true
    default: throw limitation("with this `data_format`")
    }
    // Keras' transpose of channels-first data: (N, C, H, W) read as channels last.
    let shape = channelsFirst ? [x.shape[0], x.shape[2], x.shape[3], x.shape[1]] : x.shape
    var outputSpatial: [Int] = []
    for axis in 0..<2 {
      let (length, window, stride) = (shape[axis + 1], size[axis], step[axis])
      // TensorFlow's 'SAME': ceil(length / stride); 'VALID': the whole windows (none is 0).
      let whole = length >= window ? (length - window) / stride + 1 : 0
      outputSpatial.append(same ? (length + stride - 1) / stride : whole)
    }
    let outputShape = [shape[0]] + outputSpatial + [shape[3]]
    try budget.allocate(count: 2 * (x.count + outputShape.reduce(1, *)), size: 4, at: range)
    do throws(KernelError) {
      var input = x.tensor
      if channelsFirst {
        input = try TensorFunctionKernel.transpose(input, permutation: [0, 2, 3, 1])
      }
      var output =
        outputShape.contains(0)
        ? try Tensor(shape: outputShape)
        : try PoolingKernel.pool(
          input, mode: mode, poolSize: size, strides: step,
          padding: PoolingKernel.padding(
            inputShape: input.shape, poolSize: size, strides: step, same: same))
      if channelsFirst {
        output = try TensorFunctionKernel.transpose(output, permutation: [0, 3, 1, 2])
      }
      var result = NDArray(tensor: output)
      result.tensorFlowDType = "float32"
      return result
    } catch {
      throw limitation("on this input (\(error.message))")
    }
  }
}
