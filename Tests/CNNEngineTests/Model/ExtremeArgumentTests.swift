import Testing

@testable import CNNEngine

/// Every size argument of the shape-changing layers, at the extremes an `Int` can carry, on a few
/// inputs: building, summarizing and estimating the memory of the model end in a value or a
/// `KerasError` / `ForwardError`, never in a trap (the engine compiles with overflow checks); the
/// models small enough run forward.
@Suite("Extreme integer arguments never trap")
struct ExtremeArgumentTests {
  static let extremes = [0, 1, 3, 1 << 31, 1 << 62, Int.max, -1, Int.min]

  /// (class name, positional arguments, keywords) for one extreme value `v`.
  static let layers: [(String, @Sendable (Int) -> ([ArgumentValue], [(String, ArgumentValue)]))] = [
    ("Dense", { ([.int($0)], []) }),
    ("Conv2D", { ([.int($0), .int(3)], []) }),
    ("Conv2D", { ([.int(2), .int($0)], [("padding", .string("same"))]) }),
    ("Conv2D", { ([.int(2), .int(3)], [("strides", .int($0))]) }),
    (
      "Conv2D",
      { ([.int(2), .int(3)], [("dilation_rate", .int($0)), ("padding", .string("same"))]) }
    ),
    ("Conv2D", { ([.int(2), .int(3)], [("groups", .int($0))]) }),
    ("Conv2DTranspose", { ([.int(2), .int(3)], [("strides", .int($0))]) }),
    ("Conv2DTranspose", { ([.int(2), .int($0)], []) }),
    ("DepthwiseConv2D", { ([.int(3)], [("depth_multiplier", .int($0))]) }),
    ("SeparableConv2D", { ([.int(2), .int(3)], [("depth_multiplier", .int($0))]) }),
    ("MaxPooling2D", { ([.int($0)], [("padding", .string("same"))]) }),
    ("AveragePooling2D", { ([.int(2)], [("strides", .int($0))]) }),
    ("UpSampling2D", { ([.int($0)], []) }),
    ("ZeroPadding2D", { ([.int($0)], []) }),
    ("Cropping2D", { ([.int($0)], []) }),
    ("Reshape", { ([.tuple([.int($0), .int(-1)])], []) }),
    ("Reshape", { ([.tuple([.int($0), .int($0)])], []) }),
    ("Resizing", { ([.int($0), .int(4)], []) }),
    ("CenterCrop", { ([.int(4), .int($0)], []) }),
    ("Embedding", { ([.int($0), .int(4)], []) }),
    ("Embedding", { ([.int(10), .int($0)], []) }),
    ("Softmax", { ([], [("axis", .int($0))]) }),
  ]

  static let inputs: [[Int]] = [[8, 8, 3], [1 << 20, 1 << 20, 1], [0, 8, 3]]

  @Test("build, summarize, count and estimate at every extreme")
  func noTraps() throws {
    var outcomes = 0
    var ran = 0
    for (className, arguments) in Self.layers {
      for value in Self.extremes {
        for input in Self.inputs {
          let names = NameScope()
          let model = KerasModel(name: "m")
          let (positional, keywords) = arguments(value)
          do {
            try model.add(AnalysisModels.input(input, names: names))
            try model.add(
              LayerInstance(
                try LayerCatalog.make(
                  className: className, positional: positional, keywords: keywords, names: names)))
            let summary = try model.summary()
            #expect(summary.totalParameters == (try model.countParams()))
            #expect(summary.totalParameters >= 0 && summary.totalMultiplyAccumulates >= 0)
            _ = ShapeTrace(summary: summary).totalActivationBytes
            _ = try? ForwardPass.estimate(model: model, batch: 8)
            _ = try? ForwardPass.estimate(model: model, batch: Int.max)
            // Small enough to run: the kernels (checked in debug builds) get the extreme too.
            if let estimate = try? ForwardPass.estimate(model: model, batch: 1),
              estimate.totalBytes <= 1 << 24
            {
              let pass = ForwardPass(
                model: model, weights: try ModelWeights.initialized(for: model, seed: 1),
                threads: 1)
              ran +=
                (try? pass.run(SeededInput.batch(for: model, batch: 1, seed: 2))) == nil ? 0 : 1
            }
          } catch {
            // A refusal is an answer.
          }
          outcomes += 1
        }
      }
    }
    #expect(outcomes == Self.layers.count * Self.extremes.count * Self.inputs.count)
    #expect(ran > 50)
  }
}
