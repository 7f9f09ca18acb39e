import Testing

@testable import CNNEngine
@testable import CNNKernels

@Suite("Activation kernels")
struct ActivationKernelTests {
  typealias Support = KernelTestSupport

  static let kerasCases: [(String, ActivationFunction)] = [
    ("activation_relu", .relu()),
    ("activation_sigmoid", .sigmoid),
    ("activation_tanh", .tanh),
    ("activation_elu", .elu()),
    ("activation_selu", .selu),
    ("activation_gelu", .gelu()),
    ("activation_gelu_approx", .gelu(approximate: true)),
    ("activation_swish", .swish),
    ("activation_softplus", .softplus),
    ("activation_softsign", .softsign),
    ("activation_hard_sigmoid", .hardSigmoid),
    ("activation_exponential", .exponential),
    ("activation_relu6", .relu(maxValue: 6)),
    ("activation_mish", .mish),
    ("activation_relu_full", .relu(negativeSlope: 0.1, maxValue: 6, threshold: 0.5)),
    ("activation_relu_threshold", .relu(threshold: 1)),
    ("activation_relu_lambda", .relu(negativeSlope: 0.2, threshold: -1)),
    ("activation_leaky", .leakyReLU()),
    ("activation_elu_alpha", .elu(alpha: 0.5)),
    ("softmax_axis1", .softmax(axis: 1)),
    ("softmax_last", .softmax()),
  ]

  @Test("matches tf-keras activations", arguments: kerasCases.indices)
  func matchesKeras(_ index: Int) throws {
    let (name, function) = Self.kerasCases[index]
    let output = try ActivationKernel.apply(function, to: Support.fixture(name, "input"))
    // Transcendentals differ from Eigen's vectorized ones by a few ulps.
    Support.expectClose(
      output, try Support.fixture(name, "output"), tolerance: 3e-6, Comment(rawValue: name))
  }

  @Test("in place equals out of place")
  func inPlace() throws {
    let input = try Support.fixture("softmax_axis1", "input")
    for function in [ActivationFunction.softmax(axis: 1), .gelu(), .relu(maxValue: 2)] {
      var tensor = input
      try ActivationKernel.applyInPlace(function, to: &tensor, threads: 2)
      #expect(
        Support.bits(tensor)
          == Support.bits(try ActivationKernel.apply(function, to: input, threads: 1)))
    }
  }

  @Test("Keras names map to the right functions")
  func kerasNames() {
    #expect(ActivationFunction(kerasName: "relu") == .relu())
    #expect(ActivationFunction(kerasName: "silu") == .swish)
    #expect(ActivationFunction(kerasName: "hard_sigmoid") == .hardSigmoid)
    #expect(ActivationFunction(kerasName: "softmax") == .softmax(axis: -1))
    #expect(ActivationFunction(kerasName: "nope") == nil)
    #expect(ActivationFunction.relu(maxValue: 6).fused == .clamp(lower: 0, upper: 6))
    #expect(ActivationFunction.relu().fused == .relu)
    #expect(ActivationFunction.sigmoid.fused == nil)
  }

  @Test("hand-checked values: ReLU variants, hard sigmoid, softmax")
  func handValues() throws {
    let x = Tensor([-3, -1, 0, 0.5, 2, 8])
    #expect(try ActivationKernel.apply(.relu(), to: x).scalars == [0, 0, 0, 0.5, 2, 8])
    #expect(try ActivationKernel.apply(.relu(maxValue: 1), to: x).scalars == [0, 0, 0, 0.5, 1, 1])
    #expect(
      try ActivationKernel.apply(.leakyReLU(), to: x).scalars == [-3 * 0.3, -0.3, 0, 0.5, 2, 8])
    // threshold 1: x * (x > 1), so -3 becomes -0 as in TensorFlow.
    let thresholded = try ActivationKernel.apply(.relu(threshold: 1), to: x).scalars
    #expect(thresholded == [0, 0, 0, 0, 2, 8] && thresholded[0].sign == .minus)
    #expect(try ActivationKernel.apply(.hardSigmoid, to: x).scalars == [0, 0.3, 0.5, 0.6, 0.9, 1])
    // Keras 3.15's `keras.activations.hard_swish` on the same float32 inputs, bit for bit.
    let swish = try ActivationKernel.apply(
      .hardSwish, to: Tensor([-4, -1, 0, 0.5, 2, 8, -2.7, 1.3])
    ).scalars
    #expect(
      swish == [
        -0.0, -0.3333333432674408, 0, 0.2916666567325592, 1.6666666269302368, 8,
        -0.13499999046325684, 0.9316666722297668,
      ])
    // Keras 3's names; tf-keras 2.21 does not know them ("Unknown activation function").
    #expect(ActivationFunction(kerasName: "hard_swish", keras3: true) == .hardSwish)
    #expect(ActivationFunction(kerasName: "hard_silu", keras3: true) == .hardSwish)
    #expect(ActivationFunction(kerasName: "hard_swish") == nil)
    // Keras 3.15's `keras.activations.hard_sigmoid` (relu6(x + 3) / 6), bit for bit.
    #expect(ActivationFunction(kerasName: "hard_sigmoid", keras3: true) == .hardSigmoidReLU6)
    #expect(ActivationFunction(kerasName: "hard_sigmoid") == .hardSigmoid)
    let keras3HardSigmoid = try ActivationKernel.apply(
      .hardSigmoidReLU6, to: Tensor([-4, -1, 0, 0.5, 2, 8, -2.7, 1.3])
    ).scalars
    #expect(
      keras3HardSigmoid == [
        0, 0.3333333432674408, 0.5, 0.5833333134651184, 0.8333333134651184, 1,
        0.04999999329447746, 0.7166666984558105,
      ])
    let probabilities = try ActivationKernel.apply(
      .softmax(), to: Tensor(shape: [1, 3], scalars: [1000, 1000, -1000]))
    #expect(probabilities.scalars == [0.5, 0.5, 0])  // no overflow: the max is subtracted first
    #expect(throws: KernelError.self) {
      try ActivationKernel.apply(.softmax(), to: Tensor([1, 2]))
    }
  }
}
