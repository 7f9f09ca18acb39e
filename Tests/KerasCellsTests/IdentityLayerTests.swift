import CNNEngine
import KerasCells
import Testing

/// `keras.layers.Identity`: no weights, the input unchanged, as tf-keras 2.21 and Keras 3.15.1
/// print it (recorded by hand with the reference venv).
@Suite struct IdentityLayerTests {
  static let source = """
    from tensorflow import keras
    m = keras.Sequential([keras.Input(shape=(8,)), keras.layers.Identity(), keras.layers.Dense(2), keras.layers.Identity(name="out_id")])
    m.summary()

    """

  @Test func tfKerasSummary() {
    let result = KerasSession(kerasVersion: .keras2).run(Self.source)
    #expect(result.error == nil)
    #expect(
      result.printed(footer: .modern) == """
        Model: "sequential"
        _________________________________________________________________
         Layer (type)                Output Shape              Param #   
        =================================================================
         identity (Identity)         (None, 8)                 0         
                                                                         
         dense (Dense)               (None, 2)                 18        
                                                                         
         out_id (Identity)           (None, 2)                 0         
                                                                         
        =================================================================
        Total params: 18 (72.00 Byte)
        Trainable params: 18 (72.00 Byte)
        Non-trainable params: 0 (0.00 Byte)
        _________________________________________________________________

        """)
  }

  @Test func keras3Summary() {
    let result = KerasSession(kerasVersion: .keras3).run(Self.source)
    #expect(result.error == nil)
    #expect(
      result.printed(format: .keras3()) == """
        Model: "sequential"
        ┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓
        ┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃
        ┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩
        │ identity (Identity)             │ (None, 8)              │             0 │
        ├─────────────────────────────────┼────────────────────────┼───────────────┤
        │ dense (Dense)                   │ (None, 2)              │            18 │
        ├─────────────────────────────────┼────────────────────────┼───────────────┤
        │ out_id (Identity)               │ (None, 2)              │             0 │
        └─────────────────────────────────┴────────────────────────┴───────────────┘
         Total params: 18 (72.00 B)
         Trainable params: 18 (72.00 B)
         Non-trainable params: 0 (0.00 B)

        """)
  }

  @Test func trainsAsIfItWereNotThere() {
    func loss(_ identity: String) -> String {
      let result = KerasSession(kerasVersion: .keras3).run(
        """
        import keras
        import numpy as np
        keras.utils.set_random_seed(3)
        m = keras.Sequential([keras.Input(shape=(3,)), \(identity)keras.layers.Dense(1)])
        m.compile(optimizer="sgd", loss="mse")
        h = m.fit(np.arange(12.0).reshape(4, 3) / 10, np.ones((4, 1)), epochs=2, verbose=0)
        print(h.history["loss"])
        """)
      #expect(result.error == nil, "\(String(describing: result.error))")
      return result.printed()
    }
    #expect(loss("keras.layers.Identity(), ") == loss(""))
    #expect(loss("").hasPrefix("["))
  }
}
