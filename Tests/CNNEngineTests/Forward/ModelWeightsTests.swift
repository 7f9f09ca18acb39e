import Foundation
import Testing

@testable import CNNEngine
@testable import CNNKernels

@Suite("Model weights: seeded initializers and .npz loading")
struct ModelWeightsTests {
  typealias Models = AnalysisModels

  /// Conv2D(4, 3) -> BatchNormalization -> Flatten -> Dense(3) on (5, 5, 2).
  static func smallModel(names: NameScope = NameScope(kerasVersion: .keras2)) throws
    -> KerasModel
  {
    try Models.model(
      "small",
      [
        try Models.input([5, 5, 2], names: names),
        try Models.layer("Conv2D", [.int(4), .int(3)], names: names),
        try Models.layer("BatchNormalization", names: names),
        try Models.layer("Flatten", names: names),
        try Models.layer("Dense", [.int(3)], names: names),
      ])
  }

  @Test("SplitMix64 gives the published sequence and a platform-independent logarithm")
  func generator() {
    var generator = SeededGenerator(seed: 0)
    // Reference values of splitmix64 seeded with 0 (Vigna's C implementation).
    #expect(generator.next() == 0xe220_a839_7b1d_cdaf)
    #expect(generator.next() == 0x6e78_9e6a_a1b9_65f4)
    for x in [1e-300, 0.001, 0.3, 0.5, 0.70710678, 0.999999, 1.0, 1.5, 2.0, 1e10] {
      let ours = SeededGenerator.portableLog(x)
      #expect(abs(ours - Foundation.log(x)) <= 4 * Foundation.log(x).ulp + 1e-300, "log(\(x))")
    }
  }

  @Test("names follow model.weights: per layer, trainable first")
  func names() throws {
    let weights = try ModelWeights.initialized(for: try Self.smallModel(), seed: 1)
    #expect(
      weights.names == [
        "conv2d/kernel:0", "conv2d/bias:0", "batch_normalization/gamma:0",
        "batch_normalization/beta:0", "batch_normalization/moving_mean:0",
        "batch_normalization/moving_variance:0", "dense/kernel:0", "dense/bias:0",
      ])
    #expect(weights["conv2d/kernel"]?.shape == [3, 3, 2, 4])
    #expect(weights["dense/kernel:0"]?.shape == [36, 3])
  }

  @Test("Keras' default initializers: glorot_uniform bounds, zero biases, BN ones and zeros")
  func defaults() throws {
    let weights = try ModelWeights.initialized(for: try Self.smallModel(), seed: 7)
    let kernel = try #require(weights["conv2d/kernel:0"])
    // fan_in = 3*3*2, fan_out = 3*3*4: limit sqrt(6 / (fan_in + fan_out)).
    let limit = Float((6.0 / 54.0).squareRoot())
    #expect(kernel.scalars.allSatisfy { abs($0) <= limit })
    #expect(kernel.scalars.max()! > limit * 0.8 && kernel.scalars.min()! < -limit * 0.8)
    #expect(weights["conv2d/bias:0"]!.scalars.allSatisfy { $0 == 0 })
    #expect(weights["batch_normalization/gamma:0"]!.scalars.allSatisfy { $0 == 1 })
    #expect(weights["batch_normalization/moving_variance:0"]!.scalars.allSatisfy { $0 == 1 })
    #expect(weights["batch_normalization/moving_mean:0"]!.scalars.allSatisfy { $0 == 0 })
  }

  @Test("the same seed gives the same bits; another seed other values")
  func reproducible() throws {
    let model = try Self.smallModel()
    let a = try ModelWeights.initialized(for: model, seed: 42)
    let b = try ModelWeights.initialized(for: model, seed: 42)
    let c = try ModelWeights.initialized(for: model, seed: 43)
    for name in a.names { #expect(a[name] == b[name]) }
    #expect(a["dense/kernel:0"] != c["dense/kernel:0"])
    // A fixed value pins the generator and the glorot arithmetic across platforms and releases.
    #expect(a["conv2d/kernel:0"]!.scalars[0].bitPattern == 0xbd99_2c1f)
  }

  @Test("named initializers follow their distributions")
  func namedInitializers() throws {
    func draw(_ value: ArgumentValue, _ shape: [Int]) throws -> [Float] {
      var generator = SeededGenerator(seed: 3, stream: "test")
      return try WeightInitializer(value).tensor(shape: shape, generator: &generator).scalars
    }
    func moments(_ values: [Float]) -> (mean: Double, std: Double) {
      let mean = values.reduce(0.0) { $0 + Double($1) } / Double(values.count)
      let variance =
        values.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(values.count)
      return (mean, variance.squareRoot())
    }
    // he_normal: truncated normal with std sqrt(2 / fan_in); fan_in = 3*3*64.
    let he = moments(try draw(.string("he_normal"), [3, 3, 64, 64]))
    #expect(abs(he.std - (2.0 / 576).squareRoot()) < 0.003)
    let heValues = try draw(.string("he_normal"), [3, 3, 64, 64])
    let bound = Float(2 * (2.0 / 576).squareRoot() / 0.87962566103423978)
    #expect(heValues.allSatisfy { abs($0) <= bound })
    let normal = moments(
      try draw(
        .object(
          KerasObject(
            typeName: "RandomNormal", arguments: [("mean", .float(1)), ("stddev", .float(0.5))])),
        [200, 100]))
    #expect(abs(normal.mean - 1) < 0.01 && abs(normal.std - 0.5) < 0.01)
    let uniform = try draw(
      .object(
        KerasObject(typeName: "RandomUniform", arguments: [("arg0", .int(2)), ("arg1", .int(3))])),
      [1000])
    #expect(uniform.allSatisfy { $0 >= 2 && $0 < 3 })
    #expect(
      try draw(
        .object(KerasObject(typeName: "Constant", arguments: [("value", .float(0.25))])), [4]) == [
          0.25, 0.25, 0.25, 0.25,
        ])
    #expect(try draw(.string("ones"), [2]) == [1, 1])
    let scaled = moments(
      try draw(
        .object(
          KerasObject(
            typeName: "VarianceScaling",
            arguments: [
              ("scale", .float(3)), ("mode", .string("fan_out")),
              ("distribution", .string("untruncated_normal")),
            ])),
        [400, 300]))
    #expect(abs(scaled.std - (3.0 / 300).squareRoot()) < 0.002)
    // Orthogonal: the columns of a tall matrix are orthonormal.
    let q = try draw(.string("orthogonal"), [6, 4])
    for i in 0..<4 {
      for j in 0..<4 {
        let dot = (0..<6).reduce(Float(0)) { $0 + q[$1 * 4 + i] * q[$1 * 4 + j] }
        #expect(abs(dot - (i == j ? 1 : 0)) < 1e-5)
      }
    }
    #expect(throws: ForwardError.self) { try draw(.string("no_such_initializer"), [2]) }
  }

  @Test("weights round-trip through .npz, with or without ':0'")
  func loadsNPZ() throws {
    let model = try Self.smallModel()
    let weights = try ModelWeights.initialized(for: model, seed: 5)
    let withSuffix = try ModelWeights(
      archive: NPZArchive(bytes: NPZTestWriter.archive(weights.npzEntries())), for: model)
    let withoutSuffix = try ModelWeights(
      archive: NPZArchive(
        bytes: NPZTestWriter.archive(weights.npzEntries().map { (String($0.0.dropLast(2)), $0.1) })),
      for: model)
    for name in weights.names {
      #expect(withSuffix[name] == weights[name])
      #expect(withoutSuffix[name] == weights[name])
    }
  }

  @Test("Keras 3 path names (model/layer/weight) are accepted")
  func loadsPathNames() throws {
    let model = try Self.smallModel()
    let weights = try ModelWeights.initialized(for: model, seed: 5)
    let entries = weights.npzEntries().map { ("sequential/" + String($0.0.dropLast(2)), $0.1) }
    let loaded = try ModelWeights(
      archive: NPZArchive(bytes: NPZTestWriter.archive(entries)), for: model)
    for name in weights.names { #expect(loaded[name] == weights[name]) }
  }

  @Test("a file that does not fit is refused with names and shapes")
  func refusesMismatches() throws {
    let model = try Self.smallModel()
    var entries = try ModelWeights.initialized(for: model, seed: 5).npzEntries()
    // Wrong shape, one missing, one extra.
    entries[0].1 = try Tensor(shape: [3, 3, 4, 2])
    entries.removeAll { $0.0 == "dense/bias:0" }
    entries.append(("conv2d_9/kernel:0", try Tensor(shape: [1, 1, 1, 1])))
    let error = #expect(throws: ForwardError.self) {
      try ModelWeights(archive: NPZArchive(bytes: NPZTestWriter.archive(entries)), for: model)
    }
    let message = try #require(error?.message)
    #expect(error?.kind == .weights)
    #expect(
      message.contains(
        "'conv2d/kernel:0' has shape (3, 3, 4, 2) but the model expects (3, 3, 2, 4)"))
    #expect(message.contains("missing weights: dense/bias:0 (3,)"))
    #expect(message.contains("keys the model has no weight for: conv2d_9/kernel:0 (1, 1, 1, 1)"))
  }

  @Test("initializing weights larger than the budget is refused before drawing")
  func refusesHugeWeights() throws {
    let error = #expect(throws: ForwardError.self) {
      try ModelWeights.initialized(for: try Self.smallModel(), seed: 1, memoryBudget: 100)
    }
    #expect(error?.kind == .memory)
    #expect(error?.message.contains("more than the memory budget") == true)
  }
}
