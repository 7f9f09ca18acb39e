import CNNEngine
import ConvBookCore
import Foundation
import Testing

/// Traces of graphs whose rows have several outputs: a nested feature extractor with two outputs
/// and `tf.split`. Every output counts in the row's shape, values and statistics.
@Suite("Trace rows of calls with several outputs")
struct GraphOutputsTraceTests {
  static let source = """
    import tensorflow as tf
    from tensorflow import keras
    from tensorflow.keras import layers
    i = keras.Input((8, 8, 3))
    a = layers.Conv2D(4, 3, padding="same", name="ca")(i)
    b = layers.Conv2D(2, 3, strides=2, name="cb")(a)
    extractor = keras.Model(i, [a, b], name="extractor")
    x = keras.Input((8, 8, 3))
    p, q = extractor(x)
    left, right = tf.split(p, 2, axis=-1)
    o = layers.Concatenate()([
        layers.GlobalAveragePooling2D()(left), layers.GlobalAveragePooling2D()(right),
        layers.GlobalAveragePooling2D()(q)])
    model = keras.Model(x, layers.Dense(3)(o), name="outer")

    """

  static func model() throws -> KerasModel {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "graph-outputs-trace-\(ProcessInfo.processInfo.processIdentifier).py")
    try source.write(to: url, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: url) }
    let file = try ModelFile.load(
      path: url.path, runner: LessonRunner(kerasVersion: KerasVersionSetting(commandLine: .keras2)))
    #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
    return try #require(file.models(named: "model").first?.model)
  }

  @Test("a nested model's row shows every output and summarises all of them")
  func nestedOutputs() throws {
    let model = try Self.model()
    var trace = try ShapeTrace(model: model)
    trace.measure(model, threads: 1)
    #expect(trace.measurement?.failure == nil)
    let row = try #require(trace.steps.first { $0.name == "extractor" })
    #expect(row.outputShapeText == "[(None, 8, 8, 4), (None, 3, 3, 2)]")
    #expect(row.sampleShapeText == "(8, 8, 4), (3, 3, 2)")
    #expect(row.values == 8 * 8 * 4 + 3 * 3 * 2)
    // The statistics cover both outputs: the minimum and maximum of the two layers' own rows.
    let inner = try ShapeTrace(
      model: try #require(model.layers.first { $0.name == "extractor" }?.model))
    var measuredInner = inner
    measuredInner.measure(
      try #require(model.layers.first { $0.name == "extractor" }?.model), threads: 1)
    let statistics = try #require(row.statistics)
    let ca = try #require(measuredInner.steps.first { $0.name == "ca" }?.statistics)
    let cb = try #require(measuredInner.steps.first { $0.name == "cb" }?.statistics)
    #expect(statistics.minimum == min(ca.minimum, cb.minimum))
    #expect(statistics.maximum == max(ca.maximum, cb.maximum))
    let mean = (Double(ca.mean) * 256 + Double(cb.mean) * 18) / 274
    #expect(abs(Double(statistics.mean) - mean) < 1e-6)
  }

  @Test("a split's row lists its pieces and summarises them all")
  func splitOutputs() throws {
    let model = try Self.model()
    var trace = try ShapeTrace(model: model)
    trace.measure(model, threads: 1)
    let row = try #require(trace.steps.first { $0.name == "tf.split" })
    #expect(row.className == "TFOpLambda")
    #expect(row.outputShapeText == "[(None, 8, 8, 2), (None, 8, 8, 2)]")
    #expect(row.values == 256)
    #expect(row.statistics != nil)
  }

  @Test("combining statistics weighs each part by its values")
  func combining() throws {
    let a = ActivationStatistics(minimum: -1, mean: 0.5, maximum: 2, zeroFraction: 0.25)
    let b = ActivationStatistics(minimum: 0, mean: 2, maximum: 3, zeroFraction: 0)
    let both = try #require(ActivationStatistics.combining([(a, 3), (b, 1)]))
    #expect(
      both == ActivationStatistics(minimum: -1, mean: 0.875, maximum: 3, zeroFraction: 0.1875))
    #expect(ActivationStatistics.combining([]) == nil)
    #expect(ActivationStatistics.combining([(b, 5)]) == b)
  }
}
