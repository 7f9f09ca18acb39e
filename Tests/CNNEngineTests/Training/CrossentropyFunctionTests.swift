import Foundation
import Testing

@testable import CNNEngine

/// `K.binary_crossentropy(target, output)` as a tensor function (`keras.losses.binary_crossentropy`
/// on Keras tensors): values recorded from tf-keras 2.21 (`tf.keras.backend.binary_crossentropy` on
/// the same numbers) and gradients against central differences.
@Suite struct CrossentropyFunctionTests {
  static let target = Tensor(validShape: [2, 3], scalars: [0, 1, 0.25, 1, 0, 0.5])

  static func run(_ binary: TensorFunction.Binary, _ output: Tensor) throws -> Tensor {
    try TensorFunctionStep.run(
      .binary(binary, constant: nil, constantFirst: false), [target, output], outputShape: [2, 3])
  }

  @Test func probabilitiesMatchTFKeras() throws {
    let output = Tensor(validShape: [2, 3], scalars: [0.2, 0.7, 0.5, 0.999, 1e-9, 0.5])
    let expected: [Float] = [
      0.22314338386058807, 0.35667479038238525, 0.6931469440460205, 0.001000368152745068, 0,
      0.6931469440460205,
    ]
    for (value, reference) in zip(try Self.run(.binaryCrossentropy, output).scalars, expected) {
      #expect(abs(value - reference) < 1e-6)
    }
  }

  @Test func logitsMatchTFKeras() throws {
    let output = Tensor(validShape: [2, 3], scalars: [-2, 0.5, 3, 0, -0.1, 7])
    let expected: [Float] = [
      0.12692800164222717, 0.4740769863128662, 2.2985873222351074, 0.6931471824645996,
      0.6443966627120972, 3.5009114742279053,
    ]
    for (value, reference) in zip(
      try Self.run(.binaryCrossentropyFromLogits, output).scalars, expected)
    {
      #expect(abs(value - reference) < 1e-5)
    }
  }

  @Test(arguments: [TensorFunction.Binary.binaryCrossentropy, .binaryCrossentropyFromLogits])
  func gradientsMatchFiniteDifferences(_ binary: TensorFunction.Binary) throws {
    let output = Tensor(validShape: [2, 3], scalars: [0.2, 0.7, 0.45, 0.9, 0.1, 0.6])
    let function = TensorFunction.binary(binary, constant: nil, constantFirst: false)
    let g: [Float] = [1, -0.5, 2, 0.25, 1.5, -1]
    let parts = try TensorFunctionGradient.backward(
      function, gradient: g, inputs: [Self.target, output], outputShape: [2, 3])
    let step: Float = 1e-3
    for (operand, base) in [Self.target, output].enumerated() {
      for index in 0..<6 {
        func loss(_ delta: Float) throws -> Double {
          var values = base.scalars
          values[index] += delta
          let moved = Tensor(validShape: [2, 3], scalars: values)
          let inputs = operand == 0 ? [moved, output] : [Self.target, moved]
          let y = try TensorFunctionStep.run(function, inputs, outputShape: [2, 3])
          return zip(y.scalars, g).reduce(0) { $0 + Double($1.0) * Double($1.1) }
        }
        let numeric = (try loss(step) - loss(-step)) / Double(2 * step)
        #expect(
          abs(numeric - Double(parts[operand][index])) < 2e-2,
          "\(binary) operand \(operand) at \(index)")
      }
    }
  }
}
