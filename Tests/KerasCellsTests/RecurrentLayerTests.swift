import CNNEngine
import KerasCells
import Testing

/// SimpleRNN, LSTM, GRU, Bidirectional, Masking and ConvLSTM in cells: what the corpus files
/// (Tests/Fixtures/keras/corpus/300-*) do not show — multiply-accumulates, ConvBook's refusals of
/// what it lacks, and training refused clearly. Shapes and summaries were recorded with tf-keras
/// 2.21 and Keras 3.15.1 (the corpus; these summaries by hand with the reference venv).
@Suite struct RecurrentLayerTests {
  @Test func multiplyAccumulatesCountInputAndRecurrentProducts() throws {
    let session = KerasSession(kerasVersion: .keras2)
    let result = session.run(
      """
      from tensorflow import keras
      from tensorflow.keras import layers
      model = keras.Sequential([
          keras.Input(shape=(10, 8)),
          layers.LSTM(16, return_sequences=True),
          layers.Bidirectional(layers.GRU(4)),
          layers.Dense(3),
      ])
      video = keras.Sequential([keras.Input(shape=(5, 8, 8, 3)), layers.ConvLSTM2D(4, 3)])
      """)
    #expect(result.error == nil)
    let model = try #require(session.model(named: "model"))
    let counts = model.layers.map(\.multiplyAccumulates)
    // LSTM: T * 4U * (C + U) = 10 * 64 * 24; GRU both ways: 2 * 10 * 12 * (16 + 4); Dense 8 * 3.
    #expect(counts == [10 * 64 * 24, 2 * 10 * 12 * 20, 8 * 3])
    let video = try #require(session.model(named: "video"))
    // ConvLSTM2D: T * positions * prod(K) * 4F * (C + F) = 5 * 36 * 9 * 16 * 7.
    #expect(video.layers.map(\.multiplyAccumulates) == [5 * 36 * 9 * 16 * 7])
    #expect(video.layers[0].parameterCount == 9 * 3 * 16 + 9 * 4 * 16 + 16)
  }

  @Test func seededLSTMBiasStartsWithTheForgetGateAtOne() throws {
    let session = KerasSession(kerasVersion: .keras2)
    _ = session.run(
      """
      from tensorflow import keras
      model = keras.Sequential([keras.Input(shape=(3, 2)), keras.layers.LSTM(2, return_sequences=True),
                                keras.layers.LSTM(2, unit_forget_bias=False)])
      """)
    let model = try #require(session.model(named: "model"))
    let weights = try ModelWeights.initialized(for: model, seed: 7)
    let forget = try #require(weights.tensor(layer: "lstm", weight: "lstm_cell/bias"))
    #expect(forget.scalars == [0, 0, 1, 1, 0, 0, 0, 0])
    let plain = try #require(weights.tensor(layer: "lstm_1", weight: "lstm_cell/bias"))
    #expect(plain.scalars == [Float](repeating: 0, count: 8))
  }

  /// `return_state=True` and `merge_mode=None` are built (`MultiOutputCallTests`); `stateful=True`
  /// stays ConvBook's limitation.
  @Test func statefulIsConvBooksLimitation() {
    let cells = KerasSession(kerasVersion: .keras2)
    _ = cells.run("from tensorflow import keras")
    #expect(cells.run("keras.layers.LSTM(4, return_state=True)").error == nil)
    // A stateful layer is built as in Keras; running it is refused.
    #expect(cells.run("keras.layers.GRU(4, stateful=True)").error == nil)
    _ = cells.run(
      "import numpy as np\nm = keras.Sequential([keras.Input(batch_shape=(2, 3, 1)), keras.layers.GRU(4, stateful=True)])"
    )
    let stateful = cells.run("m.predict(np.zeros((2, 3, 1)), verbose=0)").error
    #expect(stateful?.type == nil)
    #expect(stateful?.message.hasPrefix("ConvBook does not support stateful=True in GRU") == true)
    let none = cells.run("keras.layers.Bidirectional(keras.layers.GRU(4), merge_mode=None)")
    #expect(none.error == nil)
  }

  /// Recorded with the reference venv (tf-keras 2.21, Keras 3.15.1).
  @Test(arguments: [KerasVersion.keras2, .keras3])
  func bidirectionalRefusalsInEachVersionsWords(_ version: KerasVersion) {
    let session = KerasSession(kerasVersion: version)
    _ = session.run("from tensorflow import keras\nlayers = keras.layers")
    let same = session.run(
      "layers.Bidirectional(layers.LSTM(3), backward_layer=layers.LSTM(3))"
    ).error
    #expect(same?.type == "ValueError")
    #expect(
      same?.message
        == (version == .keras2
          ? "Forward layer and backward layer should have different `go_backwards` value.forward_layer.go_backwards = False,backward_layer.go_backwards = False"
          : "Forward layer and backward layer should have different `go_backwards` value. Received: forward_layer.go_backwards False, backward_layer.go_backwards=False")
    )
    let sequences = session.run(
      "layers.Bidirectional(layers.LSTM(3), backward_layer=layers.LSTM(3, go_backwards=True, return_sequences=True))"
    ).error
    #expect(
      sequences?.message
        == "Forward layer and backward layer are expected to have the same value for attribute \"return_sequences\", got \"False\" for forward layer and \"True\" for backward layer"
    )
    let notALayer = session.run("layers.Bidirectional('lstm')").error
    #expect(notALayer?.type == "ValueError")
    #expect(
      notALayer?.message
        == "Please initialize `Bidirectional` layer with a `\(version == .keras2 ? "tf." : "")keras.layers.Layer` instance. Received: lstm"
    )
  }

  @Test func unrollingAnUnknownNumberOfStepsIsRefusedByTfKerasOnly() {
    let source =
      "from tensorflow import keras\nkeras.layers.LSTM(4, unroll=True)(keras.Input(shape=(None, 3)))"
    let error = KerasSession(kerasVersion: .keras2).run(source).error
    #expect(
      error?.message
        == "Exception encountered when calling layer \"lstm\" (type LSTM).\n\nUnrolling requires a fixed number of timesteps.\n\nCall arguments received by layer \"lstm\" (type LSTM):\n  • inputs=tf.Tensor(shape=(None, None, 3), dtype=float32)\n  • mask=None\n  • training=None\n  • initial_state=None"
    )
    #expect(KerasSession(kerasVersion: .keras3).run(source).error == nil)
    let small = KerasSession(kerasVersion: .keras2).run(
      "from tensorflow import keras\nkeras.layers.ConvLSTM2D(4, 3)(keras.Input(shape=(3, 2, 2, 1)))"
    ).error
    #expect(small?.type == nil)
  }

  @Test func keras3WordsTheRankError() {
    let session = KerasSession(kerasVersion: .keras3)
    let error = session.run(
      """
      import keras
      keras.Sequential([keras.Input(shape=(8,)), keras.layers.LSTM(4)])
      """
    ).error
    #expect(error?.type == "ValueError")
    #expect(
      error?.message
        == "Input 0 with name 'None' of layer 'lstm' is incompatible with the layer: expected ndim=3, found ndim=2. Full shape received: (None, 8)"
    )
  }

  /// Values against tf-keras: the `rnntrain_*` training fixtures.
  @Test func fittingARecurrentModelTrainsAndRecurrentDropoutIsRefused() {
    let cells = KerasSession(kerasVersion: .keras2)
    let setup = cells.run(
      """
      import numpy as np
      from tensorflow import keras
      from tensorflow.keras import layers
      model = keras.Sequential([keras.Input(shape=(5, 3)), layers.LSTM(4), layers.Dense(1)])
      model.compile(optimizer="adam", loss="mse")
      """)
    #expect(setup.error == nil)
    let fitted = cells.run("model.fit(np.ones((8, 5, 3)), np.zeros((8, 1)), verbose=0)")
    #expect(fitted.error == nil, "\(String(describing: fitted.error))")
    let dropped = cells.run(
      """
      model = keras.Sequential([keras.Input(shape=(5, 3)), layers.LSTM(4, recurrent_dropout=0.2), layers.Dense(1)])
      model.compile(optimizer="adam", loss="mse")
      model.fit(np.zeros((8, 5, 3)), np.zeros((8, 1)), verbose=0)
      """)
    #expect(dropped.error?.type == nil)
    #expect(
      dropped.error?.message
        == "ConvBook cannot train a model with recurrent_dropout in LSTM yet (layer \"lstm_1\")")
  }

  @Test func convLSTMSummaryInBothVersions() {
    let source = """
      from tensorflow import keras
      from tensorflow.keras import layers
      x = keras.Input(shape=(5, 8, 8, 3))
      y = layers.ConvLSTM2D(4, 3, padding='same', return_sequences=True)(x)
      y = layers.ConvLSTM2D(2, (3, 3), strides=2)(y)
      keras.Model(x, y).summary()

      """
    let keras2 = KerasSession(kerasVersion: .keras2).run(source)
    #expect(keras2.error == nil)
    #expect(
      keras2.printed(footer: .modern) == """
        Model: "model"
        _________________________________________________________________
         Layer (type)                Output Shape              Param #   
        =================================================================
         input_1 (InputLayer)        [(None, 5, 8, 8, 3)]      0         
                                                                         
         conv_lstm2d (ConvLSTM2D)    (None, 5, 8, 8, 4)        1024      
                                                                         
         conv_lstm2d_1 (ConvLSTM2D)  (None, 3, 3, 2)           440       
                                                                         
        =================================================================
        Total params: 1464 (5.72 KB)
        Trainable params: 1464 (5.72 KB)
        Non-trainable params: 0 (0.00 Byte)
        _________________________________________________________________

        """)
    let keras3 = KerasSession(kerasVersion: .keras3).run(source)
    #expect(keras3.error == nil)
    #expect(
      keras3.printed(format: .keras3()) == """
        Model: "functional"
        ┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓
        ┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃
        ┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩
        │ input_layer (InputLayer)        │ (None, 5, 8, 8, 3)     │             0 │
        ├─────────────────────────────────┼────────────────────────┼───────────────┤
        │ conv_lstm2d (ConvLSTM2D)        │ (None, 5, 8, 8, 4)     │         1,024 │
        ├─────────────────────────────────┼────────────────────────┼───────────────┤
        │ conv_lstm2d_1 (ConvLSTM2D)      │ (None, 3, 3, 2)        │           440 │
        └─────────────────────────────────┴────────────────────────┴───────────────┘
         Total params: 1,464 (5.72 KB)
         Trainable params: 1,464 (5.72 KB)
         Non-trainable params: 0 (0.00 B)

        """)
  }
}
