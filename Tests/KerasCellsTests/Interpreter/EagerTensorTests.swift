import KerasCells
import Testing

/// TensorFlow's eager tensors beside model code (`EagerTensors`): layers and models run on constant
/// data, `tf.random.uniform` / `tf.random.normal` of numbers, TensorFlow's printing of them, and
/// what ConvBook does not compute on them yet refused as its limitation (real d2l-ai and
/// deeplearning.ai code; script 221 checks the outputs against tf-keras and Keras 3).
@Suite struct EagerTensorTests {
  static func run(_ source: String, keras3: Bool = false) -> (String, CellError?) {
    let result = KerasSession(kerasVersion: keras3 ? .keras3 : .keras2).run(
      "import numpy as np\nimport tensorflow as tf\n" + source)
    return (result.printed(), result.error)
  }

  @Test func layersRunOnConstantDataGiveEagerTensors() {
    let (printed, error) = Self.run(
      """
      x = np.arange(8).reshape(1, 8, 1).astype("float32")
      y = tf.keras.layers.MaxPool1D(pool_size=2)(x)
      print(y)
      print(y.shape, y.dtype, y.ndim)
      print(y.numpy().reshape(-1))
      z = tf.keras.layers.Flatten()(tf.random.uniform((3, 2, 2)))
      print(repr(z.shape))
      """)
    #expect(error == nil)
    #expect(
      printed == """
        tf.Tensor(
        [[[1.]
          [3.]
          [5.]
          [7.]]], shape=(1, 4, 1), dtype=float32)
        (1, 4, 1) <dtype: 'float32'> 3
        [1. 3. 5. 7.]
        TensorShape([3, 4])

        """)
  }

  @Test func aModelCalledOnDataIsBuiltForItsShape() {
    let (printed, error) = Self.run(
      """
      net = tf.keras.Sequential([tf.keras.layers.Dense(4), tf.keras.layers.Dense(2)])
      print(net(tf.random.normal((5, 3))).shape)
      print([w.shape for w in net.get_weights()])
      """)
    #expect(error == nil)
    #expect(printed == "(5, 2)\n[(3, 4), (4,), (4, 2), (2,)]\n")
  }

  @Test func tensorShapesConcatenateWithTuples() {
    let (printed, error) = Self.run(
      """
      x = tf.random.uniform((4, 6))
      print((1,) + x.shape + (1,))
      print(tf.reshape(x, (1,) + x.shape + (1,)).shape)
      print(tf.reshape(x, (-1,)).shape)
      """)
    #expect(error == nil)
    #expect(printed == "(1, 4, 6, 1)\n(1, 4, 6, 1)\n(24,)\n")
  }

  @Test(arguments: [
    ("x = tf.random.uniform((2, 2))\ny = x & x", "`&`"),
    ("x = tf.random.uniform((2, 2))\ny = x.ref()", "`tf.Tensor.ref`"),
    ("x = tf.random.uniform((2, 2))\ny = x in [x]", "`in` comparisons"),
  ])
  func whatEagerTensorsLackIsRefused(_ source: String, _ what: String) {
    let (_, error) = Self.run(source)
    #expect(error?.type == nil)
    #expect(error?.message == "ConvBook does not support \(what) on TensorFlow's eager tensors yet")
  }

  /// tf-keras runs a layer on integer data in the integer dtype (a mean of ints is an int,
  /// truncated); Keras 3's mean is float32 (more in `IntegerLayerDataTests`).
  @Test func integerDataIsFloatInKeras3Only() {
    let source = """
      a = np.array([[[10, 2], [1, 3], [1, 1]]])
      print(tf.keras.layers.GlobalAveragePooling1D()(a).numpy())
      """
    let (tfKerasPrinted, error) = Self.run(source)
    #expect(error == nil)
    #expect(tfKerasPrinted == "[[4 2]]\n")
    let (printed, keras3Error) = Self.run(source, keras3: true)
    #expect(keras3Error == nil)
    #expect(printed == "[[4. 2.]]\n")
  }

  @Test func randomTensorsTakeNumbersOnly() {
    let (_, error) = Self.run("x = tf.random.uniform((2, 2), dtype=tf.int32)")
    #expect(error?.type == "ValueError")
    #expect(error?.message == "Must specify maxval for integer dtype tf.int32")
    let (_, refusal) = Self.run("x = tf.random.normal((2, 2), dtype=tf.int32)")
    #expect(
      refusal?.message == "ConvBook does not support `tf.random.normal` with `dtype=int32` yet")
  }
}

/// NumPy's legacy generator (`NumPyRandom`): NumPy's own numbers after `np.random.seed`.
@Suite struct NumPyRandomTests {
  @Test func seededDrawsAreNumPys() {
    let result = KerasSession(kerasVersion: .keras2).run(
      "import numpy as np\nnp.random.seed(0)\nprint(np.random.rand())\nprint(np.random.randn(2))")
    #expect(result.error == nil)
    // Recorded with NumPy 2.4.6.
    #expect(result.printed() == "0.5488135039273248\n[0.74159174 1.55291372]\n")
  }

  @Test func sizesMustBeWholeNumbers() {
    let result = KerasSession(kerasVersion: .keras2).run(
      "import numpy as np\nx = np.random.rand(2.5)")
    #expect(result.error?.type == "TypeError")
    #expect(result.error?.message == "'float' object cannot be interpreted as an integer")
  }

  /// Sampling without replacement permutes (or tail-shuffles) the whole population, as NumPy
  /// does: a population of 10**12 is charged to the memory budget, not allocated (it crashed).
  @Test func samplingAWholePopulationIsCharged() {
    for source in [
      "np.random.choice(10**12, 3, replace=False)",
      "np.random.default_rng(1).choice(3_000_000_000, size=60_000_001, replace=False)",
    ] {
      let result = KerasSession(kerasVersion: .keras2).run("import numpy as np\n" + source)
      #expect(result.error?.type == nil)
      #expect(result.error?.message.contains("memory budget") == true)
    }
  }
}
