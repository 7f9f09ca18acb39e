import Foundation
import Testing

@testable import CNNEngine

/// `RecurrentGradient` (backpropagation through time) against central differences of its own
/// forward pass, on L = sum(output * R) for a fixed random R; and its forward pass against the
/// inference kernel (`RecurrentKernel`), which it must equal bit for bit.
@Suite("Recurrent backward pass against finite differences")
struct RecurrentGradientTests {
  struct Case: CustomStringConvertible, Sendable {
    var cell: RecurrentKernel.Cell
    var goBackwards = false
    var returnSequences = false
    var masked = false
    var zeroMaskedOutputs = false
    /// Random initial states, and the final states in the loss.
    var states = false
    var description: String {
      "\(cell) backwards \(goBackwards) sequences \(returnSequences) masked \(masked) zeroed \(zeroMaskedOutputs) states \(states)"
    }
  }

  static let cases: [Case] = [
    Case(cell: .simple(activation: .tanh)),
    Case(cell: .simple(activation: .tanh), goBackwards: true, returnSequences: true),
    Case(cell: .lstm(activation: .tanh, gate: .sigmoid)),
    Case(cell: .lstm(activation: .tanh, gate: .sigmoid), returnSequences: true, masked: true),
    Case(cell: .lstm(activation: .softsign, gate: .sigmoid), goBackwards: true, masked: true),
    Case(cell: .gru(activation: .tanh, gate: .sigmoid, resetAfter: true)),
    Case(
      cell: .gru(activation: .tanh, gate: .sigmoid, resetAfter: true), goBackwards: true,
      returnSequences: true, masked: true, zeroMaskedOutputs: true),
    Case(cell: .gru(activation: .tanh, gate: .sigmoid, resetAfter: false)),
    Case(
      cell: .gru(activation: .tanh, gate: .sigmoid, resetAfter: false), returnSequences: true,
      masked: true),
    Case(cell: .simple(activation: .tanh), masked: true, states: true),
    Case(
      cell: .lstm(activation: .tanh, gate: .sigmoid), goBackwards: true, masked: true,
      states: true),
    Case(
      cell: .gru(activation: .tanh, gate: .sigmoid, resetAfter: true), returnSequences: true,
      states: true),
    Case(cell: .gru(activation: .tanh, gate: .sigmoid, resetAfter: false), states: true),
  ]

  @Test("projection, recurrent kernel and recurrent bias gradients", arguments: cases)
  func gradients(_ c: Case) throws {
    let (batch, steps, units) = (2, 5, 3)
    let gates: Int
    switch c.cell {
    case .simple: gates = 1
    case .lstm: gates = 4
    case .gru: gates = 3
    }
    let columns = gates * units
    let projected = GradientCheckTests.random([batch, steps, columns], seed: 11)
    let kernel = GradientCheckTests.random([units, columns], seed: 12)
    var bias: [Float]?
    if case .gru(_, _, true) = c.cell {
      bias = GradientCheckTests.random([columns], seed: 13).scalars
    }
    // Sample 0 skips steps 1 and 4, sample 1 its first two.
    let mask: [Bool]? =
      c.masked ? [true, false, true, true, false, false, false, true, true, true] : nil
    let stateCount: Int
    if case .lstm = c.cell { stateCount = 2 } else { stateCount = 1 }
    let initial =
      c.states
      ? (0..<stateCount).map {
        GradientCheckTests.random([batch, units], seed: 20 + UInt64($0)).scalars
      } : []
    let stateWeights = (0..<stateCount).map {
      GradientCheckTests.random([batch, units], seed: 30 + UInt64($0))
    }
    let r = GradientCheckTests.random(
      c.returnSequences ? [batch, steps, units] : [batch, units], seed: 14)
    func loss(_ p: Tensor, _ u: Tensor, _ b: [Float]?, _ states: [[Float]]) throws -> Double {
      let result = try RecurrentGradient.forward(
        projected: p, recurrentKernel: u, recurrentBias: b, cell: c.cell,
        goBackwards: c.goBackwards, returnSequences: c.returnSequences, mask: mask,
        zeroMaskedOutputs: c.zeroMaskedOutputs, initialStates: states)
      var total = GradientCheckTests.dot(result.output, r)
      if c.states {
        for (state, weight) in zip(result.states, stateWeights) {
          total += GradientCheckTests.dot(state, weight)
        }
      }
      return total
    }
    let (output, _, saved) = try RecurrentGradient.forward(
      projected: projected, recurrentKernel: kernel, recurrentBias: bias, cell: c.cell,
      goBackwards: c.goBackwards, returnSequences: c.returnSequences, mask: mask,
      zeroMaskedOutputs: c.zeroMaskedOutputs, initialStates: initial)
    let inference = try RecurrentKernel.runWithStates(
      projected: projected, recurrentKernel: kernel, recurrentBias: bias, cell: c.cell,
      goBackwards: c.goBackwards, returnSequences: c.returnSequences, mask: mask,
      zeroMaskedOutputs: c.zeroMaskedOutputs,
      initialStates: initial.map { Tensor(validShape: [batch, units], scalars: $0) })
    #expect(output == inference.output)
    let result = try RecurrentGradient.backward(
      outputGradient: r.scalars, saved: saved, recurrentKernel: kernel,
      stateGradients: c.states ? stateWeights.map(\.scalars) : [])
    let h: Float = 1e-2
    func check(_ analytic: [Float], _ values: [Float], _ loss: ([Float]) throws -> Double) throws {
      var largest: Double = 0
      var worst: Double = 0
      for i in values.indices {
        var plus = values
        plus[i] += h
        var minus = values
        minus[i] -= h
        let numeric = (try loss(plus) - loss(minus)) / Double(2 * h)
        largest = max(largest, abs(numeric))
        worst = max(worst, abs(numeric - Double(analytic[i])))
      }
      #expect(worst <= 2e-3 * max(1, largest), "\(c): worst error \(worst) of \(largest)")
    }
    try check(result.projected, projected.scalars) {
      try loss(Tensor(validShape: projected.shape, scalars: $0), kernel, bias, initial)
    }
    try check(result.recurrentKernel, kernel.scalars) {
      try loss(projected, Tensor(validShape: kernel.shape, scalars: $0), bias, initial)
    }
    if let bias {
      try check(result.recurrentBias, bias) { try loss(projected, kernel, $0, initial) }
    }
    for k in initial.indices {
      try check(result.initialStates[k], initial[k]) {
        var states = initial
        states[k] = $0
        return try loss(projected, kernel, bias, states)
      }
    }
  }
}
