import CNNEngine
import KerasCells
import Testing

/// `MultiHeadAttention`, `Attention`, `AdditiveAttention` and `TimeDistributed` beyond what the
/// corpus fixtures (330-338) check: multiply-accumulates by the project's convention, the call
/// arguments ConvBook binds or refuses, and `fit`'s refusal.
@Suite struct AttentionLayerTests {
  static func model(_ source: String, _ name: String, version: KerasVersion = .keras2) throws
    -> KerasModel
  {
    let session = KerasSession(kerasVersion: version)
    let result = session.run(source)
    #expect(result.error == nil, "\(String(describing: result.error))")
    guard case .model(let model)? = session.globals[name] else {
      Issue.record("no model \(name)")
      throw CancellationError()
    }
    return model
  }

  @Test func multiHeadAttentionCountsItsFourProjections() throws {
    let model = try Self.model(
      """
      from tensorflow import keras
      from tensorflow.keras import layers
      q = keras.Input(shape=(16, 32))
      v = keras.Input(shape=(10, 12))
      x = layers.MultiHeadAttention(num_heads=4, key_dim=8, value_dim=6, output_shape=5)(q, v)
      m = keras.Model([q, v], x)
      """, "m")
    let layer = try #require(model.layers.last)
    // query 16*32*(4*8), key 10*12*(4*8), value 10*12*(4*6), output 16*(4*6)*5.
    #expect(layer.multiplyAccumulates == 16 * 32 * 32 + 10 * 12 * 32 + 10 * 12 * 24 + 16 * 24 * 5)
    // kernels and biases: 32*4*8+32, 12*4*8+32, 12*4*6+24, 4*6*5+5.
    #expect(layer.parameterCount == 1056 + 416 + 312 + 125)
    #expect(
      layer.weights.map(\.name) == [
        "query/kernel", "query/bias", "key/kernel", "key/bias", "value/kernel", "value/bias",
        "attention_output/kernel", "attention_output/bias",
      ])
  }

  @Test func timeDistributedCountsEveryStep() throws {
    let model = try Self.model(
      """
      from tensorflow import keras
      from tensorflow.keras import layers
      m = keras.Sequential([keras.Input((5, 32, 32, 3)), layers.TimeDistributed(layers.Conv2D(4, 3))])
      n = keras.Sequential([keras.Input((None, 32, 32, 3)), layers.TimeDistributed(layers.Conv2D(4, 3))])
      """, "m")
    #expect(model.layers.last?.multiplyAccumulates == 5 * 30 * 30 * 4 * 27)
  }

  @Test func unknownStepsCountNoProducts() throws {
    let model = try Self.model(
      """
      from tensorflow import keras
      from tensorflow.keras import layers
      n = keras.Sequential([keras.Input((None, 8)), layers.TimeDistributed(layers.Dense(4))])
      """, "n")
    #expect(model.layers.last?.multiplyAccumulates == 0)
    #expect(model.layers.last?.parameterCount == 36)
  }

  static let prefix = """
    from tensorflow import keras
    from tensorflow.keras import layers
    import numpy as np
    x = keras.Input(shape=(4, 6))

    """

  @Test(arguments: [
    (
      "layers.Attention()([x, x], return_attention_scores=True)",
      "ConvBook does not support return_attention_scores=True in Attention calls yet"
    ),
    (
      "a = layers.MultiHeadAttention(2, 3)\na(x, x, use_causal_mask=True)\na(x, x)",
      "ConvBook does not support calling the layer \"multi_head_attention\" both with and without use_causal_mask yet"
    ),
    (
      "m = keras.Input(shape=(4, 6), dtype='bool')\nlayers.Attention()([x, x], mask=[None, m])",
      "ConvBook supports mask=[query_mask, value_mask] of shape (batch, steps) on sequences only; the layer \"attention\" got a value mask of shape (None, 4, 6) for a value of shape (None, 4, 6)"
    ),
  ])
  func refusesWhatItDoesNotCompute(_ call: String, _ message: String) {
    let result = KerasSession(kerasVersion: .keras2).run(Self.prefix + call + "\n")
    #expect(result.error?.type == nil)
    #expect(result.error?.message == message)
  }

  @Test func bindsCallArgumentsAsPython() {
    let session = KerasSession(kerasVersion: .keras2)
    let missing = session.run(Self.prefix + "layers.MultiHeadAttention(2, 3)(query=x)\n")
    #expect(missing.error?.type == "TypeError")
    #expect(
      missing.error?.message
        == "MultiHeadAttention.call() missing 1 required positional argument: 'value'")
    let unknown = session.run("layers.MultiHeadAttention(2, 3)(x, x, scores=True)\n")
    #expect(
      unknown.error?.message
        == "MultiHeadAttention.call() got an unexpected keyword argument 'scores'")
    let keyword = session.run(
      "y = layers.MultiHeadAttention(2, 3)(query=x, value=x, key=x, training=False)\nprint(y.shape)\n"
    )
    #expect(keyword.error == nil)
    #expect(keyword.printed(footer: .modern) == "(None, 4, 6)\n")
  }

  @Test(arguments: [KerasVersion.keras2, .keras3])
  func fitRefusesAttentionAndTrainsTimeDistributed(_ version: KerasVersion) {
    let session = KerasSession(kerasVersion: version)
    let attention = session.run(
      Self.prefix + """
        m = keras.Model(x, layers.MultiHeadAttention(num_heads=2, key_dim=3)(x, x))
        m.compile(optimizer='adam', loss='mse')
        m.fit(np.zeros((4, 4, 6)), np.zeros((4, 4, 6)), epochs=1, verbose=0)

        """)
    #expect(attention.error?.type == nil)
    #expect(
      attention.error?.message.hasPrefix(
        "ConvBook cannot train a model with MultiHeadAttention layers yet") == true)
    for (call, className) in [
      ("layers.Attention(use_scale=True)([x, x])", "Attention"),
      ("layers.AdditiveAttention()([x, x])", "AdditiveAttention"),
    ] {
      let refused = session.run(
        "a = keras.Model(x, \(call))\na.compile(optimizer='adam', loss='mse')\n"
          + "a.fit(np.zeros((4, 4, 6)), np.zeros((4, 4, 6)), epochs=1, verbose=0)\n")
      #expect(
        refused.error?.message.hasPrefix(
          "ConvBook cannot train a model with \(className) layers yet") == true,
        "\(String(describing: refused.error))")
    }
    let wrapped = session.run(
      """
      t = keras.Sequential([keras.Input((3, 5)), layers.TimeDistributed(layers.Dense(2))])
      t.compile(optimizer='adam', loss='mse')
      t.fit(np.zeros((4, 3, 5)), np.zeros((4, 3, 2)), epochs=1, verbose=0)

      """)
    // Values against tf-keras: the `rnntrain_timedistributed_*` training fixtures.
    #expect(wrapped.error == nil, "\(String(describing: wrapped.error))")
  }

  /// A wrapped Sequential runs its layers on every step: the same as one TimeDistributed per layer
  /// with the same weights.
  @Test func timeDistributedModelRunsItsLayersPerStep() throws {
    let session = KerasSession(kerasVersion: .keras2)
    let result = session.run(
      """
      from tensorflow import keras
      from tensorflow.keras import layers
      enc = keras.Sequential([layers.Dense(3, activation='relu'), layers.Dense(2)])
      a = keras.Sequential([keras.Input((4, 5)), layers.TimeDistributed(enc)])
      b = keras.Sequential([keras.Input((4, 5)), layers.TimeDistributed(layers.Dense(3, activation='relu')), layers.TimeDistributed(layers.Dense(2))])

      """)
    #expect(result.error == nil)
    guard case .model(let a)? = session.globals["a"], case .model(let b)? = session.globals["b"]
    else {
      Issue.record("no models")
      return
    }
    let drawn = try ModelWeights.initialized(for: a, seed: 3)
    #expect(
      drawn.names == [
        "time_distributed/dense/kernel:0", "time_distributed/dense/bias:0",
        "time_distributed/dense_1/kernel:0", "time_distributed/dense_1/bias:0",
      ])
    var tensors: [String: Tensor] = [:]
    for (index, name) in drawn.names.enumerated() {
      let wrapper = index < 2 ? "time_distributed_1" : "time_distributed_2"
      tensors["\(wrapper)/\(name.split(separator: "/").last!)"] = drawn[name]
    }
    let separate = ModelWeights(names: Array(tensors.keys).sorted(), tensors: tensors)
    let input = try Tensor(shape: [2, 4, 5], scalars: (0..<40).map { Float($0 % 7) * 0.3 - 1 })
    let wrapped = try ForwardPass(model: a, weights: drawn, threads: 1).run(inputs: [input])
    let layered = try ForwardPass(model: b, weights: separate, threads: 1).run(inputs: [input])
    #expect(wrapped[0].shape == [2, 4, 2])
    #expect(wrapped == layered)
  }
}
