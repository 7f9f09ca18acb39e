import CNNEngine
import Testing

/// `TapeCall`: a model call kept for `tf.GradientTape`, its backward pass to the weights and to
/// the input (which `fit` never needs: a generator's images into a discriminator).
@Suite struct TapeCallTests {
  static func discriminator() throws -> KerasModel {
    try TrainerTests.model([
      (
        "Conv2D", [.int(4), .int(3)],
        [("input_shape", .tuple([.int(6), .int(6), .int(2)])), ("padding", .string("same"))]
      ),
      ("LeakyReLU", [], []),
      ("Conv2DTranspose", [.int(3), .int(2)], [("strides", .int(2))]),
      ("GlobalMaxPooling2D", [], []),
      ("Dense", [.int(2)], [("activation", .string("softmax"))]),
    ])
  }

  static func input() -> Tensor {
    var generator = SeededGenerator(seed: 7)
    return Tensor(
      validShape: [3, 6, 6, 2], scalars: (0..<(3 * 72)).map { _ in Float(generator.uniform(-1, 1)) }
    )
  }

  @Test("weight and input gradients are bitwise the same on 1 and 3 threads")
  func threadCountDoesNotChangeGradients() throws {
    let model = try Self.discriminator()
    let weights = try ModelWeights.initialized(for: model, seed: 2)
    func gradients(threads: Int) throws -> ([Tensor], [Tensor?]) {
      var generator = SeededGenerator(seed: 1)
      let call = try TapeCall(
        model: model, weights: weights, inputs: [Self.input()], training: true,
        generator: &generator, threads: threads)
      let upstream = Tensor(
        validShape: call.outputs[0].shape,
        scalars: (0..<call.outputs[0].count).map { Float($0 % 3) - 1 })
      let result = try call.backward(outputGradients: [upstream])
      return (result.weights.map(\.gradient), result.inputs)
    }
    let one = try gradients(threads: 1)
    let three = try gradients(threads: 3)
    #expect(one.0 == three.0)
    #expect(one.1 == three.1)
    #expect(one.1.first??.shape == [3, 6, 6, 2])
  }

  @Test("the input gradient is the derivative of the output (central differences)")
  func inputGradientMatchesFiniteDifferences() throws {
    let model = try Self.discriminator()
    let weights = try ModelWeights.initialized(for: model, seed: 2)
    let x = Self.input()
    func output(_ input: Tensor) throws -> [Float] {
      var generator = SeededGenerator(seed: 1)
      return try TapeCall(
        model: model, weights: weights, inputs: [input], training: false,
        generator: &generator
      ).outputs[0].scalars
    }
    var generator = SeededGenerator(seed: 1)
    let call = try TapeCall(
      model: model, weights: weights, inputs: [x], training: false, generator: &generator)
    // d(output[0, 0]) / d(input).
    var upstream = [Float](repeating: 0, count: call.outputs[0].count)
    upstream[0] = 1
    let gradient = try #require(
      try call.backward(outputGradients: [
        Tensor(validShape: call.outputs[0].shape, scalars: upstream)
      ])
      .inputs[0])
    for index in [0, 5, 37, 71] {
      var plus = x.scalars
      var minus = x.scalars
      let h: Float = 1e-2
      plus[index] += h
      minus[index] -= h
      let numeric =
        (try output(Tensor(validShape: x.shape, scalars: plus))[0]
          - output(Tensor(validShape: x.shape, scalars: minus))[0]) / (2 * h)
      #expect(abs(numeric - gradient.scalars[index]) < 2e-3, "input \(index)")
    }
  }
}
