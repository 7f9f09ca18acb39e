import CNNEngine
import KerasCells
import Testing

/// Layer calls that return several tensors or take tensors beside their input, beyond what the
/// corpus fixtures (490-495) and the forward fixtures check: what Python gets back (tf-keras'
/// list, Keras 3's tuple, `MultiHeadAttention`'s tuple), the node outputs' indices in
/// `Connected to`, the refusals, and Keras 3's masks as call inputs.
@Suite struct MultiOutputCallTests {
  static let prefix = """
    import numpy as np
    from tensorflow import keras
    from tensorflow.keras import layers
    x = keras.Input(shape=(5, 3))

    """

  static func run(_ source: String, _ version: KerasVersion = .keras2) -> (
    KerasSession, CellResult
  ) {
    let session = KerasSession(kerasVersion: version)
    return (session, session.run(prefix + source + "\n"))
  }

  @Test(arguments: [(KerasVersion.keras2, "list"), (.keras3, "tuple")])
  func recurrentStatesUnpack(_ version: KerasVersion, _ type: String) {
    let (_, result) = Self.run(
      """
      r = layers.LSTM(4, return_state=True)(x)
      o, h, c = r
      print(type(r).__name__, len(r), o.shape, h.shape, c.shape)
      s, g = layers.GRU(2, return_sequences=True, return_state=True)(x)
      print(s.shape, g.shape)
      """, version)
    #expect(result.error == nil, "\(String(describing: result.error))")
    #expect(
      result.printed(footer: .modern)
        == "\(type) 3 (None, 4) (None, 4) (None, 4)\n(None, 5, 2) (None, 2)\n")
  }

  @Test func statesConnectByTheirOutputIndex() throws {
    let (session, result) = Self.run(
      """
      o, h, c = layers.LSTM(4, return_state=True)(x)
      y = keras.Input(shape=(2, 6))
      d = layers.LSTM(4)(y, initial_state=[h, c])
      m = keras.Model([x, y], [d, o])
      """)
    #expect(result.error == nil, "\(String(describing: result.error))")
    guard case .model(let model)? = session.globals["m"] else {
      Issue.record("no model")
      return
    }
    let summary = try model.summary()
    let decoder = try #require(summary.rows.first { $0.name == "lstm_1" })
    #expect(
      decoder.connections.map(\.kerasDescription) == ["input_2[0][0]", "lstm[0][1]", "lstm[0][2]"])
    let encoder = try #require(summary.rows.first { $0.name == "lstm" })
    #expect(encoder.outputShapeText == "[(None, 4), (None, 4), (None, 4)]")
    #expect(model.layers.first { $0.name == "lstm_1" }?.listInputShapes?.count == 3)
  }

  @Test(arguments: [KerasVersion.keras2, .keras3])
  func attentionScoresComeAsATuple(_ version: KerasVersion) {
    let (_, result) = Self.run(
      """
      v = keras.Input(shape=(7, 3))
      r = layers.MultiHeadAttention(2, 4)(x, v, return_attention_scores=True)
      print(type(r).__name__, r[0].shape, r[1].shape)
      """, version)
    #expect(result.error == nil, "\(String(describing: result.error))")
    // Keras 3's symbolic scores are (batch, heads, Tq, Tq) whatever the key's length.
    let scores = version == .keras2 ? "(None, 2, 5, 7)" : "(None, 2, 5, 5)"
    #expect(result.printed(footer: .modern) == "tuple (None, 5, 3) \(scores)\n")
  }

  @Test(arguments: [
    (
      "layers.LSTM(4)(x, initial_state=[keras.Input(shape=(4,))])",
      "ConvBook does not support initial_state=[(None, 4)] in LSTM \"lstm\": it takes 2 state tensors of shape (None, 4)"
    ),
    (
      "a = layers.MultiHeadAttention(2, 3)\na(x, x, return_attention_scores=True)\na(x, x)",
      "ConvBook does not support calling the layer \"multi_head_attention\" both with and without return_attention_scores yet"
    ),
  ])
  func refusesWhatItDoesNotModel(_ call: String, _ message: String) {
    let (_, result) = Self.run(call)
    #expect(result.error?.message == message)
  }

  @Test func sequentialRefusesSeveralOutputsAsTfKeras() {
    let (_, result) = Self.run("m = keras.Sequential([x, layers.GRU(3, return_state=True)])")
    #expect(result.error?.type == "ValueError")
    #expect(
      result.error?.message
        == "All layers in a Sequential model should have a single output tensor. For multi-output layers, use the functional API."
    )
  }

  /// Values against tf-keras: the `rnntrain_graph_*` training fixtures.
  @Test func fitTrainsSeveralOutputCalls() {
    let (_, result) = Self.run(
      """
      o, h = layers.GRU(3, return_state=True)(x)
      m = keras.Model(x, layers.Add()([o, h]))
      m.compile(optimizer='adam', loss='mse')
      m.fit(np.ones((4, 5, 3)), np.zeros((4, 3)), epochs=1, verbose=0)
      """)
    #expect(result.error == nil, "\(String(describing: result.error))")
  }

  /// Keras 3's merges record operations on their inputs' masks (Concatenate: `ones_like`,
  /// `concatenate`, `any`, taking session names); ConvBook refuses them rather than drop the mask
  /// and misname the next `concatenate`. A merge of a masked and an unmasked tensor other than
  /// Concatenate has no mask in Keras 3, so it runs.
  @Test func keras3MaskedMergesAreRefusedWhereKerasMakesMaskOperations() {
    let inputs = """
      t = keras.Input(shape=(6,))
      e = layers.Embedding(10, 3, mask_zero=True)(t)
      f = layers.Embedding(10, 3)(t)

      """
    let (_, concatenated) = Self.run(inputs + "c = layers.Concatenate()([e, f])", .keras3)
    #expect(concatenated.error?.type == nil)
    #expect(
      concatenated.error?.message.hasPrefix(
        "ConvBook does not support Keras 3 masks (of Embedding(mask_zero=True) or Masking) going into the merge layer \"concatenate\" (Concatenate)"
      ) == true, "\(String(describing: concatenated.error))")
    let (_, added) = Self.run(inputs + "s = layers.Add()([e, e])", .keras3)
    #expect(added.error?.message.contains("going into the merge layer \"add\" (Add)") == true)
    let (_, mixed) = Self.run(inputs + "s = layers.Add()([e, f])\nprint(s.shape)", .keras3)
    #expect(mixed.error == nil, "\(String(describing: mixed.error))")
    let (_, tfKeras) = Self.run(inputs + "c = layers.Concatenate()([e, f])", .keras2)
    #expect(tfKeras.error == nil, "\(String(describing: tfKeras.error))")
  }

  /// Keras 3 passes the mask of `Embedding(mask_zero=True)` to the recurrent layer as a second
  /// input, made by a `not_equal` operation; tf-keras keeps masks off the graph.
  @Test func keras3MaskIsASecondInput() throws {
    let source = """
      t = keras.Input(shape=(6,))
      e = layers.Embedding(10, 3, mask_zero=True)(t)
      s = layers.SimpleRNN(2)(e)
      m = keras.Model(t, s)
      """
    let (session3, result3) = Self.run(source, .keras3)
    #expect(result3.error == nil, "\(String(describing: result3.error))")
    guard case .model(let model3)? = session3.globals["m"] else {
      Issue.record("no model")
      return
    }
    let rows = try model3.summary().rows
    #expect(rows.map(\.name) == ["input_layer_1", "embedding", "not_equal", "simple_rnn"])
    #expect(
      rows.last?.connections.map(\.kerasDescription) == ["embedding[0][0]", "not_equal[0][0]"])
    #expect(model3.layers.map(\.name) == ["input_layer_1", "embedding", "simple_rnn"])
    let (session2, _) = Self.run(source, .keras2)
    guard case .model(let model2)? = session2.globals["m"] else {
      Issue.record("no model")
      return
    }
    #expect(try model2.summary().rows.map(\.name) == ["input_2", "embedding", "simple_rnn"])
  }
}
