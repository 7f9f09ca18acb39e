import Foundation

/// Training through `SimpleRNN`, `LSTM` and `GRU` (beside `RecurrentKernel`, their inference
/// pass): the recurrence run forwards keeping every step's gates and previous states, and its
/// backward pass through time.
///
/// As at inference, the caller projects every step's input at once (x·W + b, one GEMM) and hands
/// the projection here; the backward pass returns the projection's gradient (N, T, G*units), from
/// which the caller takes W's, b's and x's gradients as a Dense layer's (`DenseGradient`).
///
/// The cells are tf-keras' (`SimpleRNNCell`, `LSTMCell` with gates i, f, c, o, `GRUCell` with
/// z, r, h and `reset_after` either way), the mask semantics `keras.backend.rnn`'s: a masked
/// step keeps the previous states and repeats the previous output (or writes zeros to the
/// sequence, `zeroMaskedOutputs`), so its gradient flows to the last step taken before it.
///
/// Every sum runs in a fixed order (samples in order, steps last to first), on one thread: the
/// gradients are the same bits whatever the thread count.
public enum RecurrentGradient {
  /// What the forward pass kept, per (sample, step in reading order).
  public struct Saved: Sendable {
    public let batch: Int
    public let steps: Int
    public let units: Int
    let cell: RecurrentKernel.Cell
    let goBackwards: Bool
    let returnSequences: Bool
    let zeroMaskedOutputs: Bool
    /// Whether each step was taken (the mask), (N, T) in reading order.
    let taken: [Bool]
    /// The gates' pre-activations and activations, (N, T, G*units) in reading order. GRU: the
    /// third block holds the candidate's pre-activation and the candidate hh.
    let preActivations: [Float]
    let activations: [Float]
    /// The state h (and the LSTM carry c) before each step, (N, T, units).
    let previousStates: [Float]
    let previousCarries: [Float]
    /// LSTM: the new carry c of each step; GRU with `reset_after`: h·U_h + b_h of each step.
    let extra: [Float]
  }

  /// projected (N, T, G*units), recurrentKernel (units, G*units), recurrentBias (G*units) or nil,
  /// mask N*T values (true = taken) or nil, initialStates (`h`, and `c` for LSTM, N*units values
  /// each; none: zeros) -> the layer's output ((N, T, units) with `returnSequences`, else
  /// (N, units); steps in reading order), the final states (N, units) each, and what the
  /// backward pass needs.
  public static func forward(
    projected: Tensor, recurrentKernel: Tensor, recurrentBias: [Float]?,
    cell: RecurrentKernel.Cell, goBackwards: Bool, returnSequences: Bool, mask: [Bool]?,
    zeroMaskedOutputs: Bool, initialStates: [[Float]] = []
  ) throws(KernelError) -> (output: Tensor, states: [Tensor], saved: Saved) {
    guard projected.rank == 3, recurrentKernel.rank == 2 else {
      throw KernelError(
        "recurrent gradient expects (N, T, G*units) and (units, G*units), got \(projected.shape) and \(recurrentKernel.shape)"
      )
    }
    let batch = projected.shape[0]
    let steps = projected.shape[1]
    let units = recurrentKernel.shape[0]
    let columns = cell.gates * units
    guard projected.shape[2] == columns, recurrentKernel.shape[1] == columns,
      recurrentBias.map({ $0.count == columns }) ?? true,
      mask.map({ $0.count == batch * steps }) ?? true,
      initialStates.isEmpty
        || (initialStates.count == (isLSTM(cell) ? 2 : 1)
          && initialStates.allSatisfy { $0.count == batch * units })
    else {
      throw KernelError(
        "recurrent gradient: projected \(projected.shape), recurrent kernel \(recurrentKernel.shape), \(cell.gates) gates and \(initialStates.count) initial states do not fit"
      )
    }
    let x = projected.scalars
    let u = recurrentKernel.scalars
    let (activation, gate) = RecurrentKernel.StepActivation.pair(
      cell, batch: batch, units: units)
    var pre = [Float](repeating: 0, count: batch * steps * columns)
    var act = [Float](repeating: 0, count: batch * steps * columns)
    var previousStates = [Float](repeating: 0, count: batch * steps * units)
    var previousCarries = [Float](repeating: 0, count: isLSTM(cell) ? batch * steps * units : 0)
    var extra = [Float](repeating: 0, count: batch * steps * units)
    var taken = [Bool](repeating: true, count: batch * steps)
    var output = [Float](
      repeating: 0, count: returnSequences ? batch * steps * units : batch * units)
    var state = [Float](repeating: 0, count: units)
    var carry = [Float](repeating: 0, count: units)
    var lastOutput = [Float](repeating: 0, count: units)
    var recurrent = [Float](repeating: 0, count: columns)
    var newState = [Float](repeating: 0, count: units)
    var newCarry = [Float](repeating: 0, count: units)
    var resetState = [Float](repeating: 0, count: units)
    var finalStates = [Float](repeating: 0, count: batch * units)
    var finalCarries = [Float](repeating: 0, count: batch * units)
    let startState = initialStates.first
    let startCarry = initialStates.count > 1 ? initialStates[1] : nil
    for n in 0..<batch {
      for j in 0..<units {
        state[j] = startState?[n * units + j] ?? 0
        carry[j] = startCarry?[n * units + j] ?? 0
        lastOutput[j] = 0
      }
      for position in 0..<steps {
        let t = goBackwards ? steps - 1 - position : position
        let row = (n * steps + t) * columns
        let slot = n * steps + position
        let gates = slot * columns
        let base = slot * units
        for j in 0..<units { previousStates[base + j] = state[j] }
        if isLSTM(cell) { for j in 0..<units { previousCarries[base + j] = carry[j] } }
        if case .gru(_, _, false) = cell {
          RecurrentKernel.product(
            state, u, columns: columns, from: 0, to: 2 * units, bias: recurrentBias,
            into: &recurrent)
        } else {
          RecurrentKernel.product(
            state, u, columns: columns, from: 0, to: columns, bias: recurrentBias,
            into: &recurrent)
        }
        switch cell {
        case .simple:
          for j in 0..<units {
            let z = x[row + j] + recurrent[j]
            let h = activation(z, n, j)
            pre[gates + j] = z
            act[gates + j] = h
            newState[j] = h
          }
        case .lstm:
          for j in 0..<units {
            let zi = x[row + j] + recurrent[j]
            pre[gates + j] = zi
            act[gates + j] = gate(zi, n, j)
            let zf = x[row + units + j] + recurrent[units + j]
            pre[gates + units + j] = zf
            act[gates + units + j] = gate(zf, n, j)
            let zo = x[row + 3 * units + j] + recurrent[3 * units + j]
            pre[gates + 3 * units + j] = zo
            act[gates + 3 * units + j] = gate(zo, n, j)
            let zc = x[row + 2 * units + j] + recurrent[2 * units + j]
            pre[gates + 2 * units + j] = zc
            act[gates + 2 * units + j] = activation(zc, n, j)
            let i = act[gates + j]
            let f = act[gates + units + j]
            let c = f * carry[j] + i * act[gates + 2 * units + j]
            newCarry[j] = c
            extra[base + j] = c
            newState[j] = act[gates + 3 * units + j] * activation(c, n, j)
          }
        case .gru(_, _, let resetAfter):
          for j in 0..<units {
            for block in 0..<2 {
              let z = x[row + block * units + j] + recurrent[block * units + j]
              pre[gates + block * units + j] = z
              act[gates + block * units + j] = gate(z, n, j)
            }
          }
          if resetAfter {
            for j in 0..<units { extra[base + j] = recurrent[2 * units + j] }
          } else {
            for j in 0..<units { resetState[j] = act[gates + units + j] * state[j] }
            RecurrentKernel.product(
              resetState, u, columns: columns, from: 2 * units, to: columns, bias: nil,
              into: &recurrent)
          }
          for j in 0..<units {
            let r = act[gates + units + j]
            let zh =
              resetAfter
              ? x[row + 2 * units + j] + r * recurrent[2 * units + j]
              : x[row + 2 * units + j] + recurrent[2 * units + j]
            let hh = activation(zh, n, j)
            pre[gates + 2 * units + j] = zh
            act[gates + 2 * units + j] = hh
            let z = act[gates + j]
            newState[j] = z * state[j] + (1 - z) * hh
          }
        }
        let isTaken = mask?[n * steps + t] ?? true
        taken[slot] = isTaken
        if isTaken {
          for j in 0..<units {
            state[j] = newState[j]
            lastOutput[j] = newState[j]
          }
          if isLSTM(cell) { for j in 0..<units { carry[j] = newCarry[j] } }
        }
        if returnSequences {
          for j in 0..<units {
            output[base + j] = isTaken ? newState[j] : (zeroMaskedOutputs ? 0 : lastOutput[j])
          }
        }
      }
      if !returnSequences {
        // `zeroMaskedOutputs`: a masked last step read gives zeros.
        let zero = zeroMaskedOutputs && steps > 0 && !taken[n * steps + steps - 1]
        for j in 0..<units { output[n * units + j] = zero ? 0 : lastOutput[j] }
      }
      for j in 0..<units {
        finalStates[n * units + j] = state[j]
        finalCarries[n * units + j] = carry[j]
      }
    }
    let saved = Saved(
      batch: batch, steps: steps, units: units, cell: cell, goBackwards: goBackwards,
      returnSequences: returnSequences, zeroMaskedOutputs: zeroMaskedOutputs, taken: taken,
      preActivations: pre, activations: act, previousStates: previousStates,
      previousCarries: previousCarries, extra: extra)
    let shape = returnSequences ? [batch, steps, units] : [batch, units]
    var states = [try Tensor(shape: [batch, units], scalars: finalStates)]
    if isLSTM(cell) { states.append(try Tensor(shape: [batch, units], scalars: finalCarries)) }
    return (try Tensor(shape: shape, scalars: output), states, saved)
  }

  /// outputGradient (the output's shape), recurrentKernel (units, G*units), stateGradients (the
  /// final states' gradients, N*units values each, nil: none) -> the gradients of the
  /// projection (N, T, G*units, in time order as the projection is), of the recurrent kernel, of
  /// the recurrent bias (G*units; GRU with `reset_after`) and of the initial states (`h`, and
  /// `c` for LSTM).
  public static func backward(
    outputGradient: [Float], saved: Saved, recurrentKernel: Tensor,
    stateGradients: [[Float]?] = []
  ) throws(KernelError) -> (
    projected: [Float], recurrentKernel: [Float], recurrentBias: [Float], initialStates: [[Float]]
  ) {
    let batch = saved.batch
    let steps = saved.steps
    let units = saved.units
    let cell = saved.cell
    let columns = cell.gates * units
    let expected = saved.returnSequences ? batch * steps * units : batch * units
    guard outputGradient.count == expected, recurrentKernel.shape == [units, columns],
      stateGradients.allSatisfy({ $0.map { $0.count == batch * units } ?? true })
    else {
      throw KernelError(
        "recurrent gradient: output gradient of \(outputGradient.count) values and recurrent kernel \(recurrentKernel.shape) do not fit the forward pass"
      )
    }
    let u = recurrentKernel.scalars
    // U^T (G*units, units): h_prev's gradient as a sum of its rows, one axpy per column of U.
    let transposed = GradientMath.transpose(u, rows: units, columns: columns)
    let (activationFunction, gateFunction) = kinds(cell)
    let activationDerivative = ActivationGradient.derivative(activationFunction)
    let gateDerivative = ActivationGradient.derivative(gateFunction)
    let activation = ActivationKernel.scalarFunction(activationFunction)
    let pre = saved.preActivations
    let act = saved.activations
    var projected = [Float](repeating: 0, count: batch * steps * columns)
    var kernelGradient = [Float](repeating: 0, count: units * columns)
    var biasGradient = [Float](repeating: 0, count: columns)
    var dState = [Float](repeating: 0, count: units)
    var dCarry = [Float](repeating: 0, count: units)
    var dLast = [Float](repeating: 0, count: units)
    var dh = [Float](repeating: 0, count: units)
    // The gradient of h·U (+ b) per column, and of (r * h)·U_h for GRU without reset_after.
    var dRecurrent = [Float](repeating: 0, count: columns)
    var dReset = [Float](repeating: 0, count: units)
    var resetState = [Float](repeating: 0, count: units)
    let finalState = stateGradients.first ?? nil
    let finalCarry = stateGradients.count > 1 ? stateGradients[1] : nil
    var initialState = [Float](repeating: 0, count: batch * units)
    var initialCarry = [Float](repeating: 0, count: isLSTM(cell) ? batch * units : 0)
    for n in 0..<batch {
      for j in 0..<units {
        dState[j] = finalState?[n * units + j] ?? 0
        dCarry[j] = finalCarry?[n * units + j] ?? 0
        dLast[j] =
          saved.returnSequences
            || (saved.zeroMaskedOutputs && steps > 0 && !saved.taken[n * steps + steps - 1])
          ? 0 : outputGradient[n * units + j]
      }
      for position in stride(from: steps - 1, through: 0, by: -1) {
        let t = saved.goBackwards ? steps - 1 - position : position
        let slot = n * steps + position
        let base = slot * units
        let gates = slot * columns
        guard saved.taken[slot] else {
          if saved.returnSequences && !saved.zeroMaskedOutputs {
            for j in 0..<units { dLast[j] += outputGradient[base + j] }
          }
          continue
        }
        for j in 0..<units {
          dh[j] = dState[j] + dLast[j] + (saved.returnSequences ? outputGradient[base + j] : 0)
          dLast[j] = 0
        }
        let row = (n * steps + t) * columns
        let hPrevious = base
        switch cell {
        case .simple:
          for j in 0..<units {
            let dz = dh[j] * activationDerivative(pre[gates + j], act[gates + j])
            dRecurrent[j] = dz
            projected[row + j] = dz
          }
          for j in 0..<units { dState[j] = 0 }
        case .lstm:
          for j in 0..<units {
            let i = act[gates + j]
            let f = act[gates + units + j]
            let g = act[gates + 2 * units + j]
            let o = act[gates + 3 * units + j]
            let c = saved.extra[base + j]
            let tanhC = activation(c)
            let dO = dh[j] * tanhC
            let dC = dCarry[j] + dh[j] * o * activationDerivative(c, tanhC)
            let dI = dC * g
            let dF = dC * saved.previousCarries[base + j]
            let dG = dC * i
            dCarry[j] = dC * f
            let zi = dI * gateDerivative(pre[gates + j], i)
            let zf = dF * gateDerivative(pre[gates + units + j], f)
            let zg = dG * activationDerivative(pre[gates + 2 * units + j], g)
            let zo = dO * gateDerivative(pre[gates + 3 * units + j], o)
            dRecurrent[j] = zi
            dRecurrent[units + j] = zf
            dRecurrent[2 * units + j] = zg
            dRecurrent[3 * units + j] = zo
            projected[row + j] = zi
            projected[row + units + j] = zf
            projected[row + 2 * units + j] = zg
            projected[row + 3 * units + j] = zo
          }
          for j in 0..<units { dState[j] = 0 }
        case .gru(_, _, let resetAfter):
          for j in 0..<units {
            let z = act[gates + j]
            let r = act[gates + units + j]
            let hh = act[gates + 2 * units + j]
            let previous = saved.previousStates[hPrevious + j]
            let dZ = dh[j] * (previous - hh)
            let dHH = dh[j] * (1 - z)
            // The direct path h = z * h_prev + ...
            dState[j] = dh[j] * z
            let zh = dHH * activationDerivative(pre[gates + 2 * units + j], hh)
            projected[row + 2 * units + j] = zh
            let dR: Float
            if resetAfter {
              // hh = act(x_h + r * (h·U_h + b_h))
              let recurrentH = saved.extra[base + j]
              dR = zh * recurrentH
              dRecurrent[2 * units + j] = zh * r
            } else {
              // hh = act(x_h + (r * h)·U_h): dR needs (r * h)'s gradient, below.
              dR = 0
              dRecurrent[2 * units + j] = zh
            }
            let zz = dZ * gateDerivative(pre[gates + j], z)
            dRecurrent[j] = zz
            projected[row + j] = zz
            if resetAfter {
              let zr = dR * gateDerivative(pre[gates + units + j], r)
              dRecurrent[units + j] = zr
              projected[row + units + j] = zr
            }
          }
          if !resetAfter {
            // d(r * h) = dzh · U_h^T; U_h's gradient takes r * h as its input.
            for k in 0..<units {
              dReset[k] = 0
              resetState[k] = act[gates + units + k] * saved.previousStates[hPrevious + k]
            }
            accumulate(
              inputs: resetState, gradient: dRecurrent, kernel: transposed, units: units,
              columns: columns, from: 2 * units, to: columns, kernelGradient: &kernelGradient,
              inputGradient: &dReset)
            for j in 0..<units {
              let r = act[gates + units + j]
              let previous = saved.previousStates[hPrevious + j]
              dState[j] += dReset[j] * r
              let zr = dReset[j] * previous * gateDerivative(pre[gates + units + j], r)
              dRecurrent[units + j] = zr
              projected[row + units + j] = zr
            }
          }
        }
        // U's gradient (h_prev^T · dRecurrent) and h_prev's (dRecurrent · U^T), over the blocks
        // that multiply h_prev itself.
        let blocks: Int
        if case .gru(_, _, false) = cell { blocks = 2 * units } else { blocks = columns }
        for k in 0..<units { resetState[k] = saved.previousStates[hPrevious + k] }
        accumulate(
          inputs: resetState, gradient: dRecurrent, kernel: transposed, units: units,
          columns: columns, from: 0, to: blocks, kernelGradient: &kernelGradient,
          inputGradient: &dState)
        if case .gru(_, _, true) = cell {
          for column in 0..<columns { biasGradient[column] += dRecurrent[column] }
        }
      }
      for j in 0..<units {
        initialState[n * units + j] = dState[j]
        if isLSTM(cell) { initialCarry[n * units + j] = dCarry[j] }
      }
    }
    let initialStates = isLSTM(cell) ? [initialState, initialCarry] : [initialState]
    return (projected, kernelGradient, biasGradient, initialStates)
  }

  /// For the columns from..<to of y = h·U: U's gradient += h^T · dy (one axpy per unit of h)
  /// and h's gradient += dy · U^T (one axpy per column, from `kernel` = U^T (columns, units)).
  private static func accumulate(
    inputs h: [Float], gradient dy: [Float], kernel transposed: [Float], units: Int,
    columns: Int, from: Int, to: Int, kernelGradient: inout [Float], inputGradient: inout [Float]
  ) {
    h.withUnsafeBufferPointer { h in
      dy.withUnsafeBufferPointer { dy in
        transposed.withUnsafeBufferPointer { ut in
          kernelGradient.withUnsafeMutableBufferPointer { kg in
            inputGradient.withUnsafeMutableBufferPointer { dh in
              for k in 0..<units where h[k] != 0 {
                axpy(h[k], dy.baseAddress! + from, kg.baseAddress! + k * columns + from, to - from)
              }
              for column in from..<to where dy[column] != 0 {
                axpy(dy[column], ut.baseAddress! + column * units, dh.baseAddress!, units)
              }
            }
          }
        }
      }
    }
  }

  static func isLSTM(_ cell: RecurrentKernel.Cell) -> Bool {
    if case .lstm = cell { return true }
    return false
  }

  /// The cell's activation and gate activation.
  public static func kinds(_ cell: RecurrentKernel.Cell) -> (ActivationFunction, ActivationFunction)
  {
    switch cell {
    case .simple(let function): return (function, .linear)
    case .lstm(let function, let gate), .gru(let function, let gate, _): return (function, gate)
    }
  }

  static func functions(_ cell: RecurrentKernel.Cell) -> (
    @Sendable (Float) -> Float, @Sendable (Float) -> Float
  ) {
    let (activation, gate) = kinds(cell)
    return (ActivationKernel.scalarFunction(activation), ActivationKernel.scalarFunction(gate))
  }

  /// y[0..<count] += a * x[0..<count] (no fused multiply-add: the same bits as the scalar loops).
  @inline(__always)
  private static func axpy(
    _ a: Float, _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ count: Int
  ) {
    for i in 0..<count { y[i] += a * x[i] }
  }
}
