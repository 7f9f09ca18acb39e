import KerasCells
import Testing

/// An exception that leaves a `tf.function` through the `call` of a subclassed model it runs: the
/// text AutoGraph makes of it (recorded with Keras 3.15.1 and tf-keras 2.21; script 1274 holds
/// a case whose whole output is recorded).
@Suite struct AutoGraphErrorTests {
  static let source = """
    import tensorflow as tf


    class Unit(tf.keras.Model):
        def __init__(self, width):
            super().__init__()
            self.conv = tf.keras.layers.Conv2D(width, 3, padding="same")
            self.skip = lambda t: t

        def call(self, t, training=False):
            return self.conv(t) + self.skip(t, training=training)


    class Net(tf.keras.Model):
        def __init__(self):
            super().__init__()
            self.unit = Unit(2)

        def call(self, t, training=False):
            return self.unit(t, training=training)


    net = Net()


    @tf.function
    def forward(batch):
        return net(batch, training=True)


    print(forward(tf.ones([1, 4, 4, 2])).shape)

    """

  /// Keras 3 runs `call` unconverted: the frames of the script from Keras' `error_handler` on.
  @Test func keras3QuotesTheCallsFrames() throws {
    let session = KerasSession(kerasVersion: .keras3)
    session.scriptName = "r4.py"
    let error = try #require(session.run(Self.source).error)
    #expect(error.type == "TypeError")
    #expect(
      error.message == """
        in user code:

            File "r4.py", line 28, in forward  *
                return net(batch, training=True)
            File "keras/src/utils/traceback_utils.py", line 122, in error_handler  **
                raise e.with_traceback(filtered_tb) from None
            File "r4.py", line 20, in call
                return self.unit(t, training=training)
            File "r4.py", line 11, in call
                return self.conv(t) + self.skip(t, training=training)

            TypeError: Exception encountered when calling Unit.call().
            
            \u{1B}[1mUnit.__init__.<locals>.<lambda>() got an unexpected keyword argument 'training'\u{1B}[0m
            
            Arguments received by Unit.call():
              • t=tf.Tensor(shape=(1, 4, 4, 2), dtype=float32)
              • training=True

        """)
    // Python's traceback leaves out the function's own frame (AutoGraph's generated file).
    #expect(error.callers.map(\.range.start.line) == [31, 20])
    #expect(error.range.start.line == 11)
  }

  /// tf-keras converts each `call` with AutoGraph too: its text quotes the generated code.
  @Test func tfKerasIsRefused() throws {
    let error = try #require(KerasSession(kerasVersion: .keras2).run(Self.source).error)
    #expect(error.type == nil)
    #expect(
      error.message.hasPrefix(
        "ConvBook does not print tf-keras' AutoGraph text of an exception raised in a layer's call() inside a tf.function yet"
      ), "\(error.message)")
  }
}
