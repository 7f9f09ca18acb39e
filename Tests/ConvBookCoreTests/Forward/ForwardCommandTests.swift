import CNNEngine
import ConvBookCore
import Foundation
import Testing

/// `convbook predict` and `bench` as ConvBookCore runs them (the CLI only parses options).
@Suite("predict and bench")
struct ForwardCommandTests {
  static let fixtures = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/keras/forward")

  static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

  /// A fresh folder for outputs.
  static func scratch() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "convbook-forward-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  static func script(_ text: String, in folder: URL, name: String = "model.py") throws -> String {
    let path = folder.appendingPathComponent(name).path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test("predict with Keras' weights and input writes Keras' output")
  func predictsFixture() throws {
    let folder = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("y.npy").path
    let file = try ModelFile.load(path: Self.fixture("mobilenet_block.py"))
    let result = try Prediction(
      weightsPath: Self.fixture("mobilenet_block.weights.npz"),
      inputPath: Self.fixture("mobilenet_block.input.npy"), outputPath: out, threads: 2
    ).run(file)
    #expect(result.outputShape == [2, 3])
    let output = try NPYFormat.read(contentsOf: out)
    let expected = try NPYFormat.read(contentsOf: Self.fixture("mobilenet_block.output.npy"))
    #expect(output.maxAbsoluteDifference(to: expected) <= 1e-6)
    // Atomic write: no temporary file is left next to the output.
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["y.npy"])
  }

  /// Grayscale images saved as (N, H, W) for an `Input((H, W, 1))`: Keras adds the last axis of
  /// size 1 (`KerasModel.conformedInputs`), and so does `convbook predict`; an extra last axis of
  /// size 1 is dropped; other shapes stay refused in Keras' words.
  @Test("predict adds or drops a last axis of size 1 as Keras does")
  func predictsConformedInputs() throws {
    let folder = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = try ModelFile.load(
      path: try Self.script(
        """
        from tensorflow import keras
        image = keras.Input((4, 4, 1))
        x = keras.layers.Conv2D(2, 3)(image)
        model = keras.Model(image, keras.layers.Flatten()(x))
        """, in: folder))
    let values = (0..<32).map { Float($0) / 32 }
    var outputs: [Tensor] = []
    for (name, shape) in [
      ("full", [2, 4, 4, 1]), ("short", [2, 4, 4]), ("long", [2, 4, 4, 1, 1]),
    ] {
      let input = folder.appendingPathComponent("\(name).npy").path
      try NPYFormat.write(try Tensor(shape: shape, scalars: values), to: input)
      let out = folder.appendingPathComponent("\(name).out.npy").path
      let result = try Prediction(inputPath: input, outputPath: out, seed: 5).run(file)
      #expect(result.outputShape == [2, 8])
      outputs.append(try NPYFormat.read(contentsOf: out))
    }
    #expect(outputs[0] == outputs[1] && outputs[0] == outputs[2])
    let wide = folder.appendingPathComponent("wide.npy").path
    try NPYFormat.write(try Tensor(shape: [1, 4, 5], scalars: Array(values[0..<20])), to: wide)
    #expect(throws: (any Error).self) {
      try Prediction(inputPath: wide, outputPath: folder.appendingPathComponent("w.npy").path)
        .run(file)
    }
  }

  /// Any thread count gives the same values: `--threads 4611686018427387904` crashed on an
  /// overflow in the convolution kernel's work split (hostile CLI run).
  @Test("predict with a huge --threads gives what 2 threads give")
  func predictsWithAHugeThreadCount() throws {
    let folder = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = try ModelFile.load(path: Self.fixture("mobilenet_block.py"))
    var outputs: [Tensor] = []
    for (name, threads) in [("a.npy", 2), ("b.npy", 1 << 62), ("c.npy", Int.max)] {
      let out = folder.appendingPathComponent(name).path
      _ = try Prediction(
        weightsPath: Self.fixture("mobilenet_block.weights.npz"),
        inputPath: Self.fixture("mobilenet_block.input.npy"), outputPath: out, threads: threads
      ).run(file)
      outputs.append(try NPYFormat.read(contentsOf: out))
    }
    #expect(outputs[0] == outputs[1] && outputs[0] == outputs[2])
  }

  @Test("without weights or input: seeded, reproducible, at --batch")
  func predictsSeeded() throws {
    let folder = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = try ModelFile.load(path: Self.fixture("seed_small.py"))
    var outputs: [Tensor] = []
    for name in ["a.npy", "b.npy"] {
      let path = folder.appendingPathComponent(name).path
      _ = try Prediction(outputPath: path, seed: 3, batch: 4).run(file)
      outputs.append(try NPYFormat.read(contentsOf: path))
    }
    #expect(outputs[0].shape == [4, 10])
    #expect(outputs[0] == outputs[1])
    let other = folder.appendingPathComponent("c.npy").path
    _ = try Prediction(outputPath: other, seed: 4, batch: 4).run(file)
    #expect(try NPYFormat.read(contentsOf: other) != outputs[0])
  }

  @Test("weights of another model, a wrong input, an unknown model: refused, nothing written")
  func refuses() throws {
    let folder = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("y.npy").path
    let file = try ModelFile.load(path: Self.fixture("seed_small.py"))
    let wrongWeights = #expect(throws: ForwardCommandError.self) {
      try Prediction(weightsPath: Self.fixture("conv3d.weights.npz"), outputPath: out).run(file)
    }
    #expect(wrongWeights?.isUsageError == false)
    #expect(wrongWeights?.message.contains("missing weights: conv2d/kernel:0 (3, 3, 3, 4)") == true)
    let wrongInput = #expect(throws: ForwardCommandError.self) {
      try Prediction(inputPath: Self.fixture("conv3d.input.npy"), outputPath: out).run(file)
    }
    #expect(wrongInput?.message.contains("expected shape=(None, 18, 18, 3)") == true)
    let unknown = #expect(throws: ForwardCommandError.self) {
      try Prediction(outputPath: out, modelName: "nope").run(file)
    }
    #expect(unknown?.isUsageError == true)
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test("a pass over the memory budget is refused with the estimate")
  func memoryBudget() throws {
    let folder = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = try Self.script(
      """
      from tensorflow import keras
      from tensorflow.keras import layers
      model = keras.Sequential([keras.Input(shape=(224, 224, 3)), layers.Conv2D(64, 3)])
      """, in: folder)
    let out = folder.appendingPathComponent("y.npy").path
    let error = #expect(throws: ForwardCommandError.self) {
      try Prediction(outputPath: out, batch: 64, memoryBudget: 100 << 20).run(
        try ModelFile.load(path: path))
    }
    #expect(error?.message.contains("would need an estimated") == true)
    #expect(error?.message.contains("memory budget of 100.00 MB") == true)
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test("bench measures every model and reports the JSON the spec names")
  func bench() throws {
    let file = try ModelFile.load(path: Self.fixture("seed_small.py"))
    let models = file.models().map(\.model)
    let measurements = try ForwardBenchmark(batch: 2, threads: 2, runs: 3, warmups: 1).run(models)
    #expect(measurements.count == 1)
    let measurement = try #require(measurements.first)
    #expect(measurement.samples.count == 3 && measurement.medianSeconds > 0)
    #expect(
      measurement.multiplyAccumulates == 2 * (try models[0].summary()).totalMultiplyAccumulates)
    let json = ForwardBenchmark.json(measurements, check: SIMDBuildCheck.report()).serialized()
    let decoded = try #require(
      JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let entry = try #require((decoded["models"] as? [[String: Any]])?.first)
    #expect(entry["name"] as? String == "seed_small")
    #expect(entry["batch"] as? Int == 2)
    #expect(entry["median_ms"] is Double && entry["gflops"] is Double)
    #if os(Linux)
      #expect((entry["peak_bytes"] as? Int ?? 0) > 0)
    #endif
    let text = ForwardBenchmark.text(measurements, check: SIMDBuildCheck.report())
    #expect(text.hasPrefix("SIMD build check:"))
    #expect(text.contains("seed_small"))
  }

  @Test("a slow-path build is announced loudly")
  func slowPathWarning() {
    let slow = SIMDBuildCheck.Report(
      hardwareFMA: false, vectorFMA: false, optimizedBuild: true, notApplicable: false)
    #expect(ForwardBenchmark.buildWarning(slow)?.contains("SLOW PATH") == true)
    let fast = SIMDBuildCheck.Report(
      hardwareFMA: true, vectorFMA: true, optimizedBuild: true, notApplicable: false)
    #expect(ForwardBenchmark.buildWarning(fast) == nil)
  }
}
