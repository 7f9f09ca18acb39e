import KerasCells
import Testing

/// Custom layers and subclassed models called on data (`EagerCalls`): built by the call, run by the
/// forward pass, wrapped errors as each Keras words them, custom layers added to a Sequential model
/// before its input shape is known. Scripts 295-299 check whole files against tf-keras and Keras 3.
@Suite struct EagerCallTests {
  static func run(_ source: String, keras3: Bool = false) -> (String, CellError?) {
    let result = KerasSession(kerasVersion: keras3 ? .keras3 : .keras2).run(
      "import numpy as np\nimport tensorflow as tf\n" + source)
    return (result.printed(), result.error)
  }

  static let mlp = """
    class MLP(tf.keras.Model):
        def __init__(self):
            super().__init__()
            self.hidden = tf.keras.layers.Dense(8, activation="relu")
            self.out = tf.keras.layers.Dense(3)
        def call(self, x):
            return self.out(self.hidden(x))
    m = MLP()
    y = m(np.ones((2, 5)))
    print(type(y).__name__, y.shape, y.dtype)
    print(m(tf.ones((7, 5))).shape)
    print(m.count_params())

    """

  @Test func aSubclassedModelIsBuiltByItsFirstCallOnData() {
    let (printed, error) = Self.run(Self.mlp + "m.summary()")
    #expect(error == nil)
    #expect(printed.hasPrefix("EagerTensor (2, 3) <dtype: 'float32'>\n(7, 3)\n75\n"))
    #expect(printed.contains(" dense (Dense)               multiple                  48"))
  }

  @Test func keras3ShowsTheShapesTheFirstCallBuilt() {
    let (printed, error) = Self.run(Self.mlp + "m.summary()", keras3: true)
    #expect(error == nil)
    #expect(printed.contains(" dense (Dense)               (2, 8)                    48"))
  }

  @Test func aCustomLayerWithoutSublayersRunsItsArithmetic() {
    let (printed, error) = Self.run(
      """
      class Scale(tf.keras.layers.Layer):
          def call(self, x):
              return x * 2.0
      print(Scale()(tf.ones((1, 3))))
      """)
    #expect(error == nil)
    #expect(printed == "tf.Tensor([[2. 2. 2.]], shape=(1, 3), dtype=float32)\n")
  }

  static let sequential = """
    net = tf.keras.Sequential([tf.keras.layers.Dense(4), tf.keras.layers.Dense(2)])
    print(net(np.ones((2, 3))).shape)
    net.summary()
    print(net(tf.ones((5, 3))).shape)
    net.summary()
    """

  @Test func aSequentialModelBuiltByACallOnDataRunsOtherBatchSizes() {
    let (printed, error) = Self.run(Self.sequential)
    #expect(error == nil)
    // tf-keras rebuilds the model for batch None when another batch size comes.
    #expect(printed.contains(" dense (Dense)               (2, 4)                    16"))
    #expect(printed.contains("(5, 2)\n"))
    #expect(printed.contains(" dense (Dense)               (None, 4)                 16"))
    let (keras3, keras3Error) = Self.run(Self.sequential, keras3: true)
    #expect(keras3Error == nil)
    #expect(!keras3.contains("(None, 4)"))
  }

  @Test func aModelCalledWithTrainingSecondTakesItAsTraining() {
    let source = """
      class Block(tf.keras.layers.Layer):
          def __init__(self):
              super().__init__()
              self.skip = tf.keras.Sequential([tf.keras.layers.Dense(3)])
          def call(self, x, training=False):
              return self.skip(x, training)
      print(Block()(tf.ones((2, 4))).shape)
      """
    let (printed, error) = Self.run(source)
    #expect(error == nil)
    #expect(printed == "(2, 3)\n")
    let (_, keras3Error) = Self.run(source, keras3: true)
    #expect(
      keras3Error?.message.contains("Exception encountered when calling Block.call().") == true)
  }

  @Test func aCallTakesSeveralTensorsOnDataAndOnKerasTensors() {
    let (printed, error) = Self.run(
      """
      class Mix(tf.keras.layers.Layer):
          def __init__(self):
              super().__init__()
              self.a = tf.keras.layers.Dense(2)
              self.b = tf.keras.layers.Dense(2)
          def call(self, inputs, states, mask=None):
              return self.a(inputs) + self.b(states) * mask
      print(Mix()(tf.ones((3, 4)), tf.ones((3, 1)), mask=tf.ones((3, 2))).shape)
      out = Mix()(tf.keras.Input((4,)), tf.keras.Input((1,)), mask=tf.keras.Input((2,)))
      print(out.shape)
      """)
    #expect(error == nil)
    #expect(printed == "(3, 2)\n(None, 2)\n")
  }

  static let blocks = """
    class Block(tf.keras.layers.Layer):
        def __init__(self, units):
            super().__init__()
            self.dense = tf.keras.layers.Dense(units)
        def call(self, x):
            return self.dense(x)
    net = tf.keras.Sequential([tf.keras.layers.Dense(4), Block(6), tf.keras.layers.Dense(2)])
    print([layer.__class__.__name__ for layer in net.layers])

    """

  @Test func customLayersWaitForTheSequentialModelsInputShape() {
    let (printed, error) = Self.run(
      Self.blocks
        + "net.build((None, 3))\nprint(net.count_params())\nprint(net(np.ones((4, 3))).shape)")
    #expect(error == nil)
    #expect(printed == "['Dense', 'Block', 'Dense']\n60\n(4, 2)\n")
  }

  @Test func aModelWithWaitingLayersIsNotTrainedBeforeItIsBuilt() {
    let (_, error) = Self.run(
      Self.blocks + "net.compile(loss='mse')\nnet.fit(np.ones((4, 3)), np.ones((4, 2)))")
    #expect(error?.type == nil)
    #expect(error?.message.contains("custom layers added before its input shape was known") == true)
  }

  static let failing = """
    class Boom(tf.keras.layers.Layer):
        def call(self, x, training=None):
            raise ValueError("bad input")
    Boom(name="boom_layer")(np.ones((2, 3)))
    """

  @Test func anErrorInsideCallIsWrappedAsTFKerasWrapsIt() {
    let (_, error) = Self.run(Self.failing)
    #expect(error?.type == "ValueError")
    #expect(
      error?.message == """
        Exception encountered when calling layer 'boom_layer' (type Boom).

        bad input

        Call arguments received by layer 'boom_layer' (type Boom):
          • x=tf.Tensor(shape=(2, 3), dtype=float32)
          • training=None
        """)
  }

  @Test func anErrorInsideCallIsWrappedAsKeras3WrapsIt() {
    let (_, error) = Self.run(Self.failing, keras3: true)
    #expect(error?.type == "ValueError")
    #expect(
      error?.message == """
        Exception encountered when calling Boom.call().

        \u{1B}[1mbad input\u{1B}[0m

        Arguments received by Boom.call():
          • x=tf.Tensor(shape=(2, 3), dtype=float32)
          • training=None
        """)
  }

  static let tracked = """
    class Stack(tf.keras.layers.Layer):
        def __init__(self):
            super().__init__()
            self.parts = [tf.keras.layers.Dense(3), tf.keras.layers.Dense(2)]
        def call(self, x):
            for part in self.parts.layers:
                x = part(x)
            return x
    print(Stack()(tf.ones((1, 4))).shape)
    """

  @Test func aListALayerHoldsHasLayersInTFKerasOnly() {
    let (printed, error) = Self.run(Self.tracked)
    #expect(error == nil)
    #expect(printed == "(1, 2)\n")
    let (_, keras3Error) = Self.run(Self.tracked, keras3: true)
    #expect(keras3Error?.type == "AttributeError")
    #expect(keras3Error?.message.contains("'TrackedList' object has no attribute 'layers'") == true)
  }

  @Test func keras3TakesOnlyTensorsPositionally() {
    let source = """
      class Pass(tf.keras.layers.Layer):
          def call(self, x, training=False):
              return x
      print(Pass()(tf.ones((1, 2)), True).shape)
      """
    let (printed, error) = Self.run(source)
    #expect(error == nil)
    #expect(printed == "(1, 2)\n")
    let (_, keras3Error) = Self.run(source, keras3: true)
    #expect(
      keras3Error?.message
        == "Only input tensors may be passed as positional arguments. The following argument value should be passed as a keyword argument: True (of type <class 'bool'>)"
    )
  }

  @Test func trainingIsDroppedForACallWithoutItAndPassedOnToInnerLayers() {
    let (printed, error) = Self.run(
      """
      class Inner(tf.keras.layers.Layer):
          def call(self, x, training=None):
              print("inner training:", training)
              return x
      class Outer(tf.keras.Model):
          def __init__(self):
              super().__init__()
              self.inner = Inner()
          def call(self, x):
              return self.inner(x)
      class Top(tf.keras.Model):
          def __init__(self):
              super().__init__()
              self.outer = Outer()
          def call(self, x, training=False):
              return self.outer(x)
      print(Outer()(tf.ones((1, 2)), training=True).shape)
      print(Top()(tf.ones((1, 2))).shape)
      """)
    #expect(error == nil)
    #expect(printed == "inner training: True\n(1, 2)\ninner training: False\n(1, 2)\n")
  }
}
