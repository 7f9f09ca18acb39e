import Foundation

/// The recurrence of `ConvLSTM1D/2D/3D` at inference, after the input convolution.
///
/// The caller convolves every frame at once (the input kernel and bias over N*T frames, one
/// `ConvolutionKernel` call); this kernel walks the steps: the recurrent convolution of the
/// hidden state (`same` padding, stride 1, no bias) through `ConvolutionKernel`, then tf-keras'
/// `ConvLSTMCell` gates i, f, c, o at every position.
public enum RecurrentConvolutionKernel {
  /// projected (N, T, S'..., 4F), recurrent kernel (K..., F, 4F) packed -> (N, T, S'..., F) with
  /// `returnSequences` (steps in reading order), else (N, S'..., F).
  public static func run(
    projected: Tensor, recurrent: PackedConvolutionWeights, activation: ActivationFunction,
    gate gateFunction: ActivationFunction, goBackwards: Bool, returnSequences: Bool, threads: Int
  ) throws(KernelError) -> Tensor {
    let filters = recurrent.inputChannelsPerGroup
    guard projected.rank >= 4, projected.shape.last == 4 * filters,
      recurrent.filters == 4 * filters, recurrent.spatialRank == projected.rank - 3
    else {
      throw KernelError(
        "ConvLSTM kernel: projected \(projected.shape) does not fit a recurrent kernel of \(recurrent.kernelSize) x \(filters) -> \(recurrent.filters)"
      )
    }
    let batch = projected.shape[0]
    let steps = projected.shape[1]
    let spatial = Array(projected.shape[2..<(projected.rank - 1)])
    let positions = spatial.reduce(1, *)
    let columns = 4 * filters
    let rank = spatial.count
    let ones = [Int](repeating: 1, count: rank)
    let padding = SpatialPadding.same(
      inputSize: spatial, kernelSize: recurrent.kernelSize, strides: ones, dilations: ones)
    let activation = ActivationKernel.scalarFunction(activation)
    let gate = ActivationKernel.scalarFunction(gateFunction)
    let stateCount = batch * positions * filters
    var state = try Tensor(shape: [batch] + spatial + [filters], repeating: 0)
    var carry = [Float](repeating: 0, count: stateCount)
    var product = Tensor.empty
    var output = try Tensor(
      shape: returnSequences
        ? [batch, steps] + spatial + [filters] : [batch] + spatial + [filters], repeating: 0)
    let x = projected.scalars
    for position in 0..<steps {
      let t = goBackwards ? steps - 1 - position : position
      try ConvolutionKernel.convolve(
        state, weights: recurrent, strides: ones, dilations: ones, padding: padding,
        threads: threads, into: &product)
      let h = product.scalars
      state.withUnsafeMutableBufferPointer { newState in
        for n in 0..<batch {
          for p in 0..<positions {
            let row = ((n * steps + t) * positions + p) * columns
            let recurrentRow = (n * positions + p) * columns
            let stateRow = (n * positions + p) * filters
            for j in 0..<filters {
              let i = gate(x[row + j] + h[recurrentRow + j])
              let f = gate(x[row + filters + j] + h[recurrentRow + filters + j])
              let c =
                f * carry[stateRow + j]
                + i * activation(x[row + 2 * filters + j] + h[recurrentRow + 2 * filters + j])
              let o = gate(x[row + 3 * filters + j] + h[recurrentRow + 3 * filters + j])
              carry[stateRow + j] = c
              newState[stateRow + j] = o * activation(c)
            }
          }
        }
      }
      if returnSequences {
        let values = state.scalars
        output.withUnsafeMutableBufferPointer { out in
          for n in 0..<batch {
            let from = n * positions * filters
            let to = (n * steps + position) * positions * filters
            for index in 0..<(positions * filters) { out[to + index] = values[from + index] }
          }
        }
      }
    }
    if !returnSequences { output = try state.reshaped(output.shape) }
    return output
  }
}
