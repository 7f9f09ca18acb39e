import Foundation
import Testing

@testable import CNNEngine
@testable import CNNKernels

/// Backward passes against finite differences of the forward kernels they differentiate, on
/// L = sum(forward(x) * R) for a fixed random R (so dL/dy = R). Convolutions are linear in the
/// input and in the kernel, so a central difference with a step of 1 is exact up to rounding.
@Suite("Backward passes against finite differences")
struct GradientCheckTests {
  static func random(_ shape: [Int], seed: UInt64, scale: Double = 1) -> Tensor {
    var generator = SeededGenerator(seed: seed)
    let count = shape.reduce(1, *)
    return Tensor(
      validShape: shape, scalars: (0..<count).map { _ in Float(generator.uniform(-scale, scale)) })
  }

  static func dot(_ a: Tensor, _ b: Tensor) -> Double {
    zip(a.scalars, b.scalars).reduce(0) { $0 + Double($1.0) * Double($1.1) }
  }

  struct ConvolutionCase: CustomStringConvertible, Sendable {
    var input: [Int]
    var kernel: [Int]
    var groups = 1
    var strides: [Int]
    var dilations: [Int]
    var padding: Padding
    var description: String {
      "input \(input) kernel \(kernel) groups \(groups) strides \(strides) dilations \(dilations) \(padding)"
    }
  }

  static let convolutionCases: [ConvolutionCase] = [
    ConvolutionCase(
      input: [2, 7, 7, 3], kernel: [3, 3, 3, 4], strides: [2, 2], dilations: [1, 1], padding: .same),
    ConvolutionCase(
      input: [2, 8, 6, 2], kernel: [2, 3, 2, 3], strides: [1, 1], dilations: [2, 1], padding: .valid
    ),
    ConvolutionCase(
      input: [1, 6, 7, 4], kernel: [3, 2, 2, 6], groups: 2, strides: [2, 1], dilations: [1, 1],
      padding: .same),
    ConvolutionCase(
      input: [2, 9, 3], kernel: [3, 3, 2], strides: [1], dilations: [2], padding: .causal),
    ConvolutionCase(
      input: [1, 5, 5, 4, 2], kernel: [2, 3, 2, 2, 3], strides: [2, 2, 1], dilations: [1, 1, 1],
      padding: .same),
    ConvolutionCase(
      input: [1, 8, 8, 1], kernel: [3, 3, 1, 2], strides: [3, 3], dilations: [1, 1], padding: .valid
    ),
    // Unit width strides and 6+ channels per group: the channel-major kernel gradient.
    ConvolutionCase(
      input: [2, 6, 7, 8], kernel: [3, 2, 8, 5], strides: [2, 1], dilations: [1, 2], padding: .same),
    ConvolutionCase(
      input: [1, 5, 6, 14], kernel: [2, 2, 7, 18], groups: 2, strides: [1, 1], dilations: [1, 1],
      padding: .same),
    ConvolutionCase(
      input: [2, 9, 6], kernel: [3, 6, 3], strides: [1], dilations: [2], padding: .causal),
    ConvolutionCase(
      input: [1, 4, 4, 3, 6], kernel: [2, 2, 2, 6, 2], strides: [1, 2, 1], dilations: [1, 1, 1],
      padding: .valid),
    // 3x3, stride 1, 8+ channels, same and valid.
    ConvolutionCase(
      input: [2, 9, 10, 8], kernel: [3, 3, 8, 9], strides: [1, 1], dilations: [1, 1], padding: .same
    ),
    ConvolutionCase(
      input: [1, 11, 7, 9], kernel: [3, 3, 9, 8], strides: [1, 1], dilations: [1, 1],
      padding: .valid),
  ]

  @Test("convolution input, kernel and bias gradients", arguments: convolutionCases)
  func convolution(_ c: ConvolutionCase) throws {
    let x = Self.random(c.input, seed: 1)
    let w = Self.random(c.kernel, seed: 2)
    let b = Self.random([c.kernel.last!], seed: 3)
    let kernelSize = Array(c.kernel.dropLast(2))
    let pads = ForwardStep.padding(
      c.padding, input: c.input, kernel: kernelSize, strides: c.strides, dilations: c.dilations)
    func forward(_ x: Tensor, _ w: Tensor, _ b: Tensor) throws -> Tensor {
      try ConvolutionKernel.convolve(
        x, kernel: w, bias: b, groups: c.groups, strides: c.strides, dilations: c.dilations,
        padding: pads, threads: 1)
    }
    let y = try forward(x, w, b)
    let r = Self.random(y.shape, seed: 4)
    let result = try ConvolutionGradient.backward(
      input: x, kernel: w, groups: c.groups, strides: c.strides, dilations: c.dilations,
      padding: pads, outputGradient: r, needsInputGradient: true, threads: 2)
    func check(_ tensor: Tensor, _ gradient: Tensor, _ replace: (Tensor) throws -> Tensor) throws {
      for i in Swift.stride(from: 0, to: tensor.count, by: max(1, tensor.count / 23)) {
        var plus = tensor.scalars
        var minus = tensor.scalars
        plus[i] += 1
        minus[i] -= 1
        let numeric =
          (Self.dot(try replace(Tensor(validShape: tensor.shape, scalars: plus)), r)
            - Self.dot(try replace(Tensor(validShape: tensor.shape, scalars: minus)), r)) / 2
        #expect(abs(numeric - Double(gradient.scalars[i])) < 1e-3, "\(c) index \(i)")
      }
    }
    let inputGradient = try #require(result.input)
    #expect(inputGradient.shape == x.shape)
    try check(x, inputGradient) { try forward($0, w, b) }
    try check(w, result.kernel) { try forward(x, $0, b) }
    try check(b, result.bias) { try forward(x, w, $0) }
  }

  static let tensorFlowCases =
    convolutionCases + [
      ConvolutionCase(
        input: [2, 12, 3], kernel: [3, 3, 4], strides: [1], dilations: [1], padding: .valid),
      ConvolutionCase(
        input: [3, 10, 8], kernel: [3, 8, 3], strides: [1], dilations: [1], padding: .same),
      ConvolutionCase(
        input: [2, 15, 2], kernel: [5, 2, 6], strides: [2], dilations: [1], padding: .valid),
    ]

  @Test(
    "TensorFlow's convolution gradients are backward's, summed otherwise",
    arguments: tensorFlowCases)
  func tensorFlowConvolution(_ c: ConvolutionCase) throws {
    let rank = c.kernel.count - 2
    // 1-D layers too: the function covers them, though training takes it for 2-D ones only.
    guard rank <= 2, c.groups == 1, c.dilations.allSatisfy({ $0 == 1 }) else { return }
    let x = Self.random(c.input, seed: 1)
    let w = Self.random(c.kernel, seed: 2)
    let kernelSize = Array(c.kernel.dropLast(2))
    let pads = ForwardStep.padding(
      c.padding, input: c.input, kernel: kernelSize, strides: c.strides, dilations: c.dilations)
    let y = try ConvolutionKernel.convolve(
      x, kernel: w, groups: c.groups, strides: c.strides, dilations: c.dilations, padding: pads,
      threads: 1)
    let r = Self.random(y.shape, seed: 4)
    let expected = try ConvolutionGradient.backward(
      input: x, kernel: w, groups: 1, strides: c.strides, dilations: c.dilations, padding: pads,
      outputGradient: r, needsInputGradient: true, threads: 2)
    let result = try ConvolutionGradient.tensorFlowBackward(
      input: x, kernel: w, strides: c.strides, padding: pads, outputGradient: r,
      needsInputGradient: true, threads: 2)
    for (got, want) in [
      (try #require(result.input), try #require(expected.input)), (result.kernel, expected.kernel),
      (result.bias, expected.bias),
    ] {
      #expect(got.shape == want.shape)
      for (a, b) in zip(got.scalars, want.scalars) {
        #expect(abs(a - b) <= 1e-4 * max(1, abs(b)), "\(c)")
      }
    }
  }

  /// Shapes for `tensorFlowConvolutionValues`: padding, strides, short and partial filter
  /// blocks, rows left over from groups of 6 (3, 2, 1), over 256 positions (the plan's pieces),
  /// past `BiasAddGrad`'s one-thread limit (two halves), X^T and the channel-major tiles.
  static let tensorFlowValueCases = [
    ConvolutionCase(
      input: [2, 7, 7, 3], kernel: [3, 3, 3, 8], strides: [1, 1], dilations: [1, 1], padding: .same),
    ConvolutionCase(
      input: [3, 9, 10, 2], kernel: [2, 2, 2, 20], strides: [2, 2], dilations: [1, 1],
      padding: .valid),
    ConvolutionCase(
      input: [64, 14, 14, 1], kernel: [3, 3, 1, 16], strides: [1, 1], dilations: [1, 1],
      padding: .valid),
    ConvolutionCase(
      input: [5, 11, 9, 1], kernel: [5, 5, 1, 33], strides: [1, 2], dilations: [1, 1],
      padding: .same),
    // 6 channels or more, unit width strides: the channel-major tiles.
    ConvolutionCase(
      input: [5, 10, 10, 7], kernel: [3, 3, 7, 12], strides: [1, 1], dilations: [1, 1],
      padding: .valid),
    ConvolutionCase(
      input: [3, 12, 12, 13], kernel: [1, 1, 13, 40], strides: [1, 1], dilations: [1, 1],
      padding: .valid),
    ConvolutionCase(
      input: [2, 6, 6, 8], kernel: [3, 3, 8, 6], strides: [1, 1], dilations: [1, 1],
      padding: .same),
    ConvolutionCase(
      input: [3, 8, 9, 6], kernel: [2, 2, 6, 20], strides: [2, 1], dilations: [1, 1],
      padding: .same),
  ]

  @Test(
    "TensorFlow's convolution gradients are X^T by dY in TensorFlow's order, value by value",
    arguments: tensorFlowValueCases)
  func tensorFlowConvolutionValues(_ c: ConvolutionCase) throws {
    let x = Self.random(c.input, seed: 11)
    let w = Self.random(c.kernel, seed: 12)
    let pads = ForwardStep.padding(
      c.padding, input: c.input, kernel: Array(c.kernel.dropLast(2)), strides: c.strides,
      dilations: c.dilations)
    let g = try WindowGeometry(
      inputShape: c.input, kernelSize: Array(c.kernel.dropLast(2)), strides: c.strides,
      dilations: c.dilations, padding: pads)
    let filters = c.kernel.last!
    let dy = Self.random(g.outputShape(channels: filters), seed: 13)
    let (kH, kW, channels) = (c.kernel[0], c.kernel[1], c.kernel[2])
    let positions = dy.count / filters
    let taps = kH * kW * channels
    // X^T value by value: row (kh, kw, c), column (n, oh, ow), zero in the padding.
    var columns = [Float](repeating: 0, count: taps * positions)
    for p in 0..<positions {
      let ow = p % g.output[2]
      let oh = (p / g.output[2]) % g.output[1]
      let n = p / (g.output[2] * g.output[1])
      for kh in 0..<kH {
        for kw in 0..<kW {
          let ih = oh * g.strides[1] - g.padBefore[1] + kh
          let iw = ow * g.strides[2] - g.padBefore[2] + kw
          guard ih >= 0, ih < c.input[1], iw >= 0, iw < c.input[2] else { continue }
          for ch in 0..<channels {
            columns[((kh * kW + kw) * channels + ch) * positions + p] =
              x.scalars[((n * c.input[1] + ih) * c.input[2] + iw) * channels + ch]
          }
        }
      }
    }
    let plan =
      positions > TensorFlowContraction.blockDepth
      ? TensorFlowContraction.plan(rows: taps, columns: filters, depth: positions)
      : ContractionPlan.whole(positions)
    let result = try ConvolutionGradient.tensorFlowBackward(
      input: x, kernel: w, strides: c.strides, padding: pads, outputGradient: dy,
      needsInputGradient: false, threads: 2)
    columns.withUnsafeBufferPointer { a in
      dy.scalars.withUnsafeBufferPointer { b in
        for row in 0..<taps {
          for f in 0..<filters {
            let order = TensorFlowContraction.order(
              row: row, rows: taps, column: f, columns: filters)
            let expected = TensorFlowContraction.plannedSum(
              order, plan: plan, a.baseAddress! + row * positions, b.baseAddress! + f,
              strideB: filters)
            #expect(result.kernel.scalars[row * filters + f] == expected, "\(c) \(row) \(f)")
          }
        }
      }
    }
    // BiasAddGrad: in order, or in two halves past its one-thread limit.
    func sum(_ range: Range<Int>, _ f: Int) -> Float {
      var total: Float = 0
      for p in range { total += dy.scalars[p * filters + f] }
      return total
    }
    let halves = positions * filters > ConvolutionGradient.biasGradientSingleThreadLimit
    for f in 0..<filters {
      let half = (positions + 1) / 2
      let expected =
        halves ? sum(0..<half, f) + sum(half..<positions, f) : sum(0..<positions, f)
      #expect(result.bias.scalars[f] == expected, "\(c) bias \(f)")
    }
  }

  @Test("dense input, kernel and bias gradients")
  func dense() throws {
    let x = Self.random([5, 7], seed: 5)
    let w = Self.random([7, 3], seed: 6)
    let r = Self.random([5, 3], seed: 7)
    let result = try DenseGradient.backward(
      input: x, kernel: w, outputGradient: r, needsInputGradient: true, threads: 2)
    for i in 0..<5 {
      for k in 0..<7 {
        var expected: Float = 0
        for u in 0..<3 { expected += r.scalars[i * 3 + u] * w.scalars[k * 3 + u] }
        #expect(abs(result.input!.scalars[i * 7 + k] - expected) < 1e-5)
      }
    }
    for k in 0..<7 {
      for u in 0..<3 {
        var expected: Float = 0
        for i in 0..<5 { expected += x.scalars[i * 7 + k] * r.scalars[i * 3 + u] }
        #expect(abs(result.kernel.scalars[k * 3 + u] - expected) < 1e-5)
      }
    }
  }

  @Test(
    "pooling gradients (max, average, same padding, 1D to 3D)",
    arguments: [
      ([2, 7, 7, 3], [2, 2], [2, 2], Padding.same),
      ([1, 6, 6, 2], [3, 3], [2, 2], Padding.valid),
      ([2, 9, 2], [3], [2], Padding.same), ([1, 4, 5, 5, 2], [2, 2, 2], [1, 2, 2], Padding.same),
    ])
  func pooling(_ shape: [Int], _ size: [Int], _ strides: [Int], _ padding: Padding) throws {
    let x = Self.random(shape, seed: 8)
    let pads = ForwardStep.padding(
      padding, input: shape, kernel: size, strides: strides, dilations: size.map { _ in 1 })
    for mode in [PoolingKernel.Mode.max, .average] {
      func forward(_ x: Tensor) throws -> Tensor {
        try PoolingKernel.pool(
          x, mode: mode, poolSize: size, strides: strides, padding: pads, threads: 1)
      }
      let y = try forward(x)
      let r = Self.random(y.shape, seed: 9)
      let gradient = try PoolingGradient.backward(
        input: x, mode: mode, poolSize: size, strides: strides, padding: pads,
        outputGradient: r, threads: 2)
      for i in 0..<x.count {
        let h: Float = 1e-3
        var plus = x.scalars
        var minus = x.scalars
        plus[i] += h
        minus[i] -= h
        let numeric =
          (Self.dot(try forward(Tensor(validShape: shape, scalars: plus)), r)
            - Self.dot(try forward(Tensor(validShape: shape, scalars: minus)), r)) / Double(2 * h)
        #expect(abs(numeric - Double(gradient.scalars[i])) < 2e-3, "\(mode) \(shape) \(i)")
      }
    }
  }

  @Test("batch normalization gradients in training mode")
  func batchNormalization() throws {
    let channels = 3
    let x = Self.random([6, channels], seed: 10, scale: 2)
    let gamma: [Float] = [0.5, 1.5, -1]
    let beta: [Float] = [0.1, 0, -0.2]
    let r = Self.random([6, channels], seed: 11)
    func forward(_ x: [Float], _ gamma: [Float], _ beta: [Float]) -> (
      output: [Float], saved: BatchNormalizationTraining.Saved
    ) {
      var mean = [Float](repeating: 0, count: channels)
      var variance = [Float](repeating: 1, count: channels)
      return BatchNormalizationTraining.tensorFlow(
        x, channels: channels, gamma: gamma, beta: beta, epsilon: 1e-3, momentum: 0.99,
        movingMean: &mean, movingVariance: &variance, formula: .unfused)
    }
    func loss(_ x: [Float], _ gamma: [Float], _ beta: [Float]) -> Double {
      let y = forward(x, gamma, beta).output
      return Self.dot(Tensor(validShape: [6, channels], scalars: y), r)
    }
    let saved = forward(x.scalars, gamma, beta).saved
    let result = BatchNormalizationTraining.backward(
      r.scalars, saved: saved, channels: channels, gamma: gamma)
    let h: Float = 1e-2
    for i in x.scalars.indices {
      var plus = x.scalars
      var minus = x.scalars
      plus[i] += h
      minus[i] -= h
      let numeric = (loss(plus, gamma, beta) - loss(minus, gamma, beta)) / Double(2 * h)
      #expect(abs(numeric - Double(result.input[i])) < 2e-2, "x[\(i)]")
    }
    for c in 0..<channels {
      var plus = gamma
      var minus = gamma
      plus[c] += h
      minus[c] -= h
      let numeric = (loss(x.scalars, plus, beta) - loss(x.scalars, minus, beta)) / Double(2 * h)
      #expect(abs(numeric - Double(result.gamma[c])) < 2e-2, "gamma[\(c)]")
    }
  }

  @Test("layer normalization gradients over the last axis")
  func layerNormalization() throws {
    let features = 4
    let x = Self.random([5, features], seed: 14, scale: 2)
    let gamma: [Float] = [0.5, 1.5, -1, 0.8]
    let beta: [Float] = [0.1, 0, -0.2, 0.3]
    let r = Self.random([5, features], seed: 15)
    func loss(_ x: [Float], _ gamma: [Float], _ beta: [Float]) -> Double {
      let y = LayerNormalizationTraining.forward(
        x, features: features, gamma: gamma, beta: beta, epsilon: 1e-3
      ).output
      return Self.dot(Tensor(validShape: [5, features], scalars: y), r)
    }
    let saved = LayerNormalizationTraining.forward(
      x.scalars, features: features, gamma: gamma, beta: beta, epsilon: 1e-3
    ).saved
    let result = LayerNormalizationTraining.backward(
      r.scalars, saved: saved, features: features, gamma: gamma)
    let h: Float = 1e-2
    for i in x.scalars.indices {
      var plus = x.scalars
      var minus = x.scalars
      plus[i] += h
      minus[i] -= h
      let numeric = (loss(plus, gamma, beta) - loss(minus, gamma, beta)) / Double(2 * h)
      #expect(abs(numeric - Double(result.input[i])) < 2e-2, "x[\(i)]")
    }
    for c in 0..<features {
      var plus = gamma
      var minus = gamma
      plus[c] += h
      minus[c] -= h
      let numeric = (loss(x.scalars, plus, beta) - loss(x.scalars, minus, beta)) / Double(2 * h)
      #expect(abs(numeric - Double(result.gamma[c])) < 2e-2, "gamma[\(c)]")
      var betaPlus = beta
      var betaMinus = beta
      betaPlus[c] += h
      betaMinus[c] -= h
      let betaNumeric =
        (loss(x.scalars, gamma, betaPlus) - loss(x.scalars, gamma, betaMinus)) / Double(2 * h)
      #expect(abs(betaNumeric - Double(result.beta[c])) < 2e-2, "beta[\(c)]")
    }
  }

  @Test(
    "activation derivatives",
    arguments: [
      ActivationFunction.relu(), .relu(negativeSlope: 0.1, maxValue: 6, threshold: 0.5),
      .leakyReLU(alpha: 0.3), .sigmoid, .tanh, .elu(alpha: 1), .selu, .swish, .softplus,
      .softsign, .exponential, .softmax(),
    ])
  func activation(_ function: ActivationFunction) throws {
    let x = Self.random([3, 5], seed: 12, scale: 3)
    let r = Self.random([3, 5], seed: 13)
    let y = try ActivationKernel.apply(function, to: x, threads: 1)
    let gradient = ActivationGradient.backward(
      function, preActivation: x.scalars, output: y.scalars, outputGradient: r.scalars,
      lastAxis: 5)
    let h: Float = 1e-3
    for i in x.scalars.indices {
      var plus = x.scalars
      var minus = x.scalars
      plus[i] += h
      minus[i] -= h
      let numeric =
        (Self.dot(
          try ActivationKernel.apply(function, to: Tensor(validShape: [3, 5], scalars: plus)), r)
          - Self.dot(
            try ActivationKernel.apply(function, to: Tensor(validShape: [3, 5], scalars: minus)), r))
        / Double(2 * h)
      #expect(abs(numeric - Double(gradient[i])) < 1e-2, "\(function) \(x.scalars[i])")
    }
  }
}
