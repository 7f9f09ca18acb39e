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
    var description: String {
      "\(cell) backwards \(goBackwards) sequences \(returnSequences) masked \(masked) zeroed \(zeroMaskedOutputs)"
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
    func forward(_ p: Tensor, _ u: Tensor, _ b: [Float]?) throws -> Tensor {
      try RecurrentGradient.forward(
        projected: p, recurrentKernel: u, recurrentBias: b, cell: c.cell,
        goBackwards: c.goBackwards, returnSequences: c.returnSequences, mask: mask,
        zeroMaskedOutputs: c.zeroMaskedOutputs
      ).output
    }
    let (output, saved) = try RecurrentGradient.forward(
      projected: projected, recurrentKernel: kernel, recurrentBias: bias, cell: c.cell,
      goBackwards: c.goBackwards, returnSequences: c.returnSequences, mask: mask,
      zeroMaskedOutputs: c.zeroMaskedOutputs)
    let inference = try RecurrentKernel.run(
      projected: projected, recurrentKernel: kernel, recurrentBias: bias, cell: c.cell,
      goBackwards: c.goBackwards, returnSequences: c.returnSequences, mask: mask,
      zeroMaskedOutputs: c.zeroMaskedOutputs)
    #expect(output == inference)
    let r = GradientCheckTests.random(output.shape, seed: 14)
    let result = try RecurrentGradient.backward(
      outputGradient: r.scalars, saved: saved, recurrentKernel: kernel)
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
      GradientCheckTests.dot(
        try forward(Tensor(validShape: projected.shape, scalars: $0), kernel, bias), r)
    }
    try check(result.recurrentKernel, kernel.scalars) {
      GradientCheckTests.dot(
        try forward(projected, Tensor(validShape: kernel.shape, scalars: $0), bias), r)
    }
    if let bias {
      try check(result.recurrentBias, bias) {
        GradientCheckTests.dot(try forward(projected, kernel, $0), r)
      }
    }
  }
}
