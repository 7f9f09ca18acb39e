import Foundation

/// The recurrence of `SimpleRNN`, `LSTM` and `GRU` at inference, after the input projection.
///
/// The caller projects every time step at once (x·W + b over (N, T, C), one GEMM through
/// `DenseKernel`); this kernel then walks the steps, adding h·U and applying the cell's gates, as
/// tf-keras' cells do (`SimpleRNNCell`, `LSTMCell` with gates i, f, c, o, `GRUCell` with z, r, h).
/// A mask (N, T) makes a masked step keep the previous state and output, or write zeros to the
/// output (`zeroMaskedOutputs`: the sequence's masked steps, and the last output when the last step
/// read is masked), as `keras.backend.rnn` does.
public enum RecurrentKernel {
  public enum Cell: Sendable, Equatable {
    case simple(activation: ActivationFunction)
    case lstm(activation: ActivationFunction, gate: ActivationFunction)
    /// `resetAfter`: the reset gate multiplies (h·U_h + b_rec_h) instead of h.
    case gru(activation: ActivationFunction, gate: ActivationFunction, resetAfter: Bool)

    var gates: Int {
      switch self {
      case .simple: return 1
      case .lstm: return 4
      case .gru: return 3
      }
    }
  }

  /// projected (N, T, G*units), recurrentKernel (units, G*units), recurrentBias (G*units) or nil,
  /// mask N*T values (true = step taken) or nil -> (N, T, units) with `returnSequences`, else
  /// (N, units). `goBackwards` reads the steps last to first; the sequence output is in reading
  /// order (as Keras returns it).
  ///
  /// `stepBias` (G*units): an LSTM's bias when `projected` leaves it out, added to each step's
  /// x·W + h·U as Keras' LSTM cell adds it, after the two products (`z = x·W; z += h·U; z += b`).
  ///
  /// `tensorFlowOrder`: each step's h·U sums as TensorFlow's MatMul of the batch's rows does under
  /// the Eigen engine (`TensorFlowContraction.order`, row = the sample, rows = the batch size);
  /// false keeps one FMA chain per value (the oneDNN engine's recordings, training).
  public static func run(
    projected: Tensor, recurrentKernel: Tensor, recurrentBias: [Float]?, cell: Cell,
    goBackwards: Bool, returnSequences: Bool, mask: [Bool]?, zeroMaskedOutputs: Bool,
    stepBias: [Float]? = nil, tensorFlowOrder: Bool = false
  ) throws(KernelError) -> Tensor {
    try runWithStates(
      projected: projected, recurrentKernel: recurrentKernel, recurrentBias: recurrentBias,
      cell: cell, goBackwards: goBackwards, returnSequences: returnSequences, mask: mask,
      zeroMaskedOutputs: zeroMaskedOutputs, stepBias: stepBias, tensorFlowOrder: tensorFlowOrder
    ).output
  }

  /// Like `run`, starting from `initialStates` (`h`, and `c` for LSTM: (N, units) each; zeros
  /// when empty) and returning the final states too (Keras' `return_state=True`): a masked step
  /// keeps the previous states.
  public static func runWithStates(
    projected: Tensor, recurrentKernel: Tensor, recurrentBias: [Float]?, cell: Cell,
    goBackwards: Bool, returnSequences: Bool, mask: [Bool]?, zeroMaskedOutputs: Bool,
    initialStates: [Tensor] = [], stepBias: [Float]? = nil, tensorFlowOrder: Bool = false
  ) throws(KernelError) -> (output: Tensor, states: [Tensor]) {
    guard projected.rank == 3, recurrentKernel.rank == 2 else {
      throw KernelError(
        "recurrent kernel expects (N, T, G*units) and (units, G*units), got \(projected.shape) and \(recurrentKernel.shape)"
      )
    }
    let batch = projected.shape[0]
    let steps = projected.shape[1]
    let units = recurrentKernel.shape[0]
    let columns = cell.gates * units
    guard projected.shape[2] == columns, recurrentKernel.shape[1] == columns,
      recurrentBias.map({ $0.count == columns }) ?? true,
      mask.map({ $0.count == batch * steps }) ?? true
    else {
      throw KernelError(
        "recurrent kernel: projected \(projected.shape), recurrent kernel \(recurrentKernel.shape) and \(cell.gates) gates do not fit"
      )
    }
    let stateCount: Int
    if case .lstm = cell { stateCount = 2 } else { stateCount = 1 }
    guard
      initialStates.isEmpty
        || (initialStates.count == stateCount
          && initialStates.allSatisfy { $0.shape == [batch, units] })
    else {
      throw KernelError(
        "recurrent kernel: initial states \(initialStates.map(\.shape)) do not fit \(stateCount) states of (\(batch), \(units))"
      )
    }
    var output = try Tensor(
      shape: returnSequences ? [batch, steps, units] : [batch, units], repeating: 0)
    var finalState = try Tensor(shape: [batch, units], repeating: 0)
    var finalCarry = try Tensor(shape: [batch, units], repeating: 0)
    let startState = initialStates.first?.scalars
    let startCarry = initialStates.count > 1 ? initialStates[1].scalars : nil
    let x = projected.scalars
    let u = recurrentKernel.scalars
    let (activation, gate) = StepActivation.pair(cell, batch: batch, units: units)
    var state = [Float](repeating: 0, count: units)
    var carry = [Float](repeating: 0, count: units)
    var lastOutput = [Float](repeating: 0, count: units)
    var lastTaken = true
    var recurrent = [Float](repeating: 0, count: columns)
    var newState = [Float](repeating: 0, count: units)
    var newCarry = [Float](repeating: 0, count: units)
    var gruHidden = [Float](repeating: 0, count: units)
    output.withUnsafeMutableBufferPointer { out in
      for n in 0..<batch {
        for index in 0..<units {
          state[index] = startState?[n * units + index] ?? 0
          carry[index] = startCarry?[n * units + index] ?? 0
          lastOutput[index] = 0
        }
        for position in 0..<steps {
          let t = goBackwards ? steps - 1 - position : position
          let row = (n * steps + t) * columns
          // h·U (+ the recurrent bias): one row of units by the (units, G*units) matrix.
          if case .gru(_, _, false) = cell {
            // z and r first; h's block needs r * h.
            product(
              state, u, columns: columns, from: 0, to: 2 * units, bias: recurrentBias,
              singleRow: batch == 1, order: tensorFlowOrder ? (n, batch) : nil,
              into: &recurrent)
          } else {
            product(
              state, u, columns: columns, from: 0, to: columns, bias: recurrentBias,
              singleRow: batch == 1, order: tensorFlowOrder ? (n, batch) : nil,
              into: &recurrent)
          }
          switch cell {
          case .simple:
            for j in 0..<units { newState[j] = activation(x[row + j] + recurrent[j], n, j) }
          case .lstm:
            // z = x·W + h·U, then the bias when the projection left it out.
            func z(_ column: Int) -> Float {
              let sum = x[row + column] + recurrent[column]
              return stepBias.map { sum + $0[column] } ?? sum
            }
            for j in 0..<units {
              let i = gate(z(j), n, j)
              let f = gate(z(units + j), n, j)
              let c = f * carry[j] + i * activation(z(2 * units + j), n, j)
              let o = gate(z(3 * units + j), n, j)
              newCarry[j] = c
              newState[j] = o * activation(c, n, j)
            }
          case .gru(_, _, let resetAfter):
            if resetAfter {
              for j in 0..<units {
                let z = gate(x[row + j] + recurrent[j], n, j)
                let r = gate(x[row + units + j] + recurrent[units + j], n, j)
                let hh = activation(x[row + 2 * units + j] + r * recurrent[2 * units + j], n, j)
                newState[j] = z * state[j] + (1 - z) * hh
              }
            } else {
              var zs = [Float](repeating: 0, count: units)
              for j in 0..<units {
                zs[j] = gate(x[row + j] + recurrent[j], n, j)
                let r = gate(x[row + units + j] + recurrent[units + j], n, j)
                gruHidden[j] = r * state[j]
              }
              product(
                gruHidden, u, columns: columns, from: 2 * units, to: columns, bias: nil,
                singleRow: batch == 1, order: tensorFlowOrder ? (n, batch) : nil,
                into: &recurrent)
              for j in 0..<units {
                let hh = activation(x[row + 2 * units + j] + recurrent[2 * units + j], n, j)
                newState[j] = zs[j] * state[j] + (1 - zs[j]) * hh
              }
            }
          }
          let taken = mask?[n * steps + t] ?? true
          lastTaken = taken
          if taken {
            for j in 0..<units {
              state[j] = newState[j]
              lastOutput[j] = newState[j]
            }
            if case .lstm = cell {
              for j in 0..<units { carry[j] = newCarry[j] }
            }
          }
          if returnSequences {
            let base = (n * steps + position) * units
            for j in 0..<units {
              out[base + j] = taken ? newState[j] : (zeroMaskedOutputs ? 0 : lastOutput[j])
            }
          }
        }
        if !returnSequences {
          let zero = zeroMaskedOutputs && !lastTaken
          for j in 0..<units { out[n * units + j] = zero ? 0 : lastOutput[j] }
        }
        finalState.withUnsafeMutableBufferPointer { values in
          for j in 0..<units { values[n * units + j] = state[j] }
        }
        finalCarry.withUnsafeMutableBufferPointer { values in
          for j in 0..<units { values[n * units + j] = carry[j] }
        }
      }
    }
    return (output, stateCount == 2 ? [finalState, finalCarry] : [finalState])
  }

  /// recurrent[from..<to] = Σ_k h[k] * u[k, from..<to] (+ bias[from..<to]) for a (units,
  /// columns) row-major `u`, as TensorFlow's `MatMul` then `BiasAdd` compute it: each value one
  /// fused multiply-add chain over k from zero (oneDNN's), the bias added after.
  ///
  /// With `singleRow` (a batch of one) the product is TensorFlow's single-row MatMul instead,
  /// Eigen's order (`EigenRowProduct`). With `order` (the sample's row of the batch's rows) each
  /// value of columns `from..<to` (a MatMul of its own: GRU's split products) sums in
  /// `TensorFlowContraction.order`, in blocks past 256 units.
  static func product(
    _ h: [Float], _ u: [Float], columns: Int, from: Int, to: Int, bias: [Float]?,
    singleRow: Bool = false, order: (row: Int, rows: Int)? = nil, into recurrent: inout [Float]
  ) {
    if let order, order.rows >= 2, to - from >= 2 {
      h.withUnsafeBufferPointer { h in
        u.withUnsafeBufferPointer { u in
          for column in from..<to {
            let valueOrder = TensorFlowContraction.order(
              row: order.row, rows: order.rows, column: column - from, columns: to - from)
            let sum = TensorFlowContraction.blockedSum(
              valueOrder, count: h.count, h.baseAddress!, u.baseAddress! + column,
              strideB: columns)
            recurrent[column] = bias.map { sum + $0[column] } ?? sum
          }
        }
      }
      return
    }
    if singleRow && to - from >= 2 {
      h.withUnsafeBufferPointer { h in
        EigenRowProduct.product(
          h.baseAddress!, count: h.count, u, columns: columns, range: from..<to, into: &recurrent)
      }
      if let bias {
        for column in from..<to { recurrent[column] += bias[column] }
      }
      return
    }
    h.withUnsafeBufferPointer { h in
      u.withUnsafeBufferPointer { u in
        recurrent.withUnsafeMutableBufferPointer { r in
          for column in from..<to { r[column] = 0 }
          for k in 0..<h.count {
            let value = h[k]
            // A zero adds nothing to an FMA chain (exactly: 0 * u + s is s).
            if value == 0 { continue }
            let row = k * columns
            for column in from..<to {
              r[column] = r[column].addingProduct(value, u[row + column])
            }
          }
          if let bias {
            for column in from..<to { r[column] += bias[column] }
          }
        }
      }
    }
  }

  /// A cell's activation applied as TensorFlow's op applies it to one step's (N, units) tensor
  /// (`tf.sigmoid(x_z + recurrent_z)`): Eigen's logistic depends on the value's place in that
  /// tensor (`EigenMath.logistic(_:index:count:)`); the other functions do not.
  struct StepActivation {
    let function: ActivationFunction
    let scalar: @Sendable (Float) -> Float
    let units: Int
    let count: Int

    /// The cell's activation and gate (the identity for `SimpleRNN`'s gate).
    static func pair(_ cell: Cell, batch: Int, units: Int) -> (StepActivation, StepActivation) {
      func make(_ function: ActivationFunction) -> StepActivation {
        StepActivation(
          function: function, scalar: ActivationKernel.scalarFunction(function), units: units,
          count: batch * units)
      }
      switch cell {
      case .simple(let function): return (make(function), make(.linear))
      case .lstm(let function, let gate), .gru(let function, let gate, _):
        return (make(function), make(gate))
      }
    }

    /// The value of sample `n`, unit `j`.
    func callAsFunction(_ x: Float, _ n: Int, _ j: Int) -> Float {
      if case .sigmoid = function {
        return EigenMath.logistic(x, index: n * units + j, count: count)
      }
      return scalar(x)
    }
  }
}

extension RecurrentKernel {
  /// `Masking`: a step (the last axis of a tensor of rank >= 2) is kept when any of its values
  /// differs from `value`; masked steps are zeroed. Returns the mask, one value per step.
  /// tensor (N, T, ..., C) -> same shape; mask (N * T * ...) values
  public static func applyMasking(_ tensor: inout Tensor, value: Float) -> [Bool] {
    let features = tensor.shape.last ?? 1
    let steps = features == 0 ? 0 : tensor.count / features
    var mask = [Bool](repeating: false, count: steps)
    tensor.withUnsafeMutableBufferPointer { values in
      for step in 0..<steps {
        let base = step * features
        var kept = false
        for index in base..<(base + features) where values[index] != value {
          kept = true
          break
        }
        mask[step] = kept
        if !kept {
          for index in base..<(base + features) { values[index] = 0 }
        }
      }
    }
    return mask
  }

  /// `Embedding(mask_zero=True)`: ids (as floats) that are not 0.
  /// ids (N, T) -> mask (N * T) values
  public static func nonZeroMask(_ ids: Tensor) -> [Bool] {
    ids.scalars.map { $0 != 0 }
  }
}

extension RecurrentKernel {
  /// `GlobalAveragePooling1D` with a mask, as tf-keras computes it: the sum of the kept steps over
  /// their count (0/0, NaN, for a sample with every step masked).
  /// input (N, T, C), mask N*T values -> (N, C), or (N, 1, C) with `keepDims`
  public static func maskedAverage(_ input: Tensor, mask: [Bool], keepDims: Bool)
    throws(KernelError) -> Tensor
  {
    guard input.rank == 3, mask.count == input.shape[0] * input.shape[1] else {
      throw KernelError(
        "masked average pooling expects (N, T, C) and N*T mask values, got \(input.shape) and \(mask.count)"
      )
    }
    let batch = input.shape[0]
    let steps = input.shape[1]
    let channels = input.shape[2]
    var values = [Float](repeating: 0, count: batch * channels)
    let x = input.scalars
    for n in 0..<batch {
      var kept: Float = 0
      for t in 0..<steps where mask[n * steps + t] {
        kept += 1
        let base = (n * steps + t) * channels
        for c in 0..<channels { values[n * channels + c] += x[base + c] }
      }
      for c in 0..<channels { values[n * channels + c] /= kept }
    }
    return try Tensor(shape: keepDims ? [batch, 1, channels] : [batch, channels], scalars: values)
  }
}
