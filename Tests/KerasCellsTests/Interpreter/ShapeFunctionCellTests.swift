import CNNEngine
import KerasCells
import Testing

/// Functions of shapes, pixels and indices on Keras tensors as tf-keras 2.21 and Keras 3.15.1 name
/// them (measured with the reference Keras; corpus files 459, 460, 510-517 and 331 check whole
/// summaries): `tf.shape` and its elements in `tf.reshape`, `tf.random.normal` of such a shape,
/// `depth_to_space`, `extract_patches`, `one_hot`, `gather` / `take`, and an Embedding of
/// `tf.range(...)` added as a constant.
@Suite struct ShapeFunctionCellTests {
  static let header = TensorFunctionTests.header

  /// `(name, class, output shape)` of every layer of `keras.Model(x, out)` after `source`.
  static func layers(_ source: String, input: String = "(8, 8, 4)", keras3: Bool = false)
    -> (String, CellError?)
  {
    let session = KerasSession(kerasVersion: keras3 ? .keras3 : .keras2)
    _ = session.run(header + "x = keras.Input(shape=\(input))\n")
    let result = session.run(
      source
        + "\nm = keras.Model(x, out)\nprint([(l.name, type(l).__name__, l.output_shape) for l in m.layers if type(l).__name__ != 'InputLayer'])"
    )
    return (result.printed(footer: .modern), result.error)
  }

  @Test func shapeElementsBecomeLayersAndSizes() {
    let (printed, error) = Self.layers(
      "s = tf.shape(x)\nout = tf.reshape(x, (s[0], s[1] * s[2], 4))")
    #expect(error == nil)
    #expect(
      printed
        == "[('tf.compat.v1.shape', 'TFOpLambda', (4,)), ('tf.__operators__.getitem_1', 'SlicingOpLambda', ()), ('tf.__operators__.getitem_2', 'SlicingOpLambda', ()), ('tf.__operators__.getitem', 'SlicingOpLambda', ()), ('tf.math.multiply', 'TFOpLambda', ()), ('tf.reshape', 'TFOpLambda', (None, 64, 4))]\n"
    )
    // -1 beside the unknown batch size stays unknown, as TensorFlow infers it.
    let (inferred, _) = Self.layers("out = tf.reshape(x, [tf.shape(x)[0], -1, 4])")
    #expect(inferred.hasSuffix("('tf.reshape', 'TFOpLambda', (None, None, 4))]\n"))
    let (whole, _) = Self.layers("out = K.reshape(x, K.shape(x))")
    // The known sizes of `tf.shape(x)` flow into the reshape (TensorFlow's partial shape values).
    #expect(whole.hasSuffix("('tf.reshape', 'TFOpLambda', (None, 8, 8, 4))]\n"))
  }

  @Test func randomNormalOfADynamicShapeIsALayer() {
    let (printed, error) = Self.layers(
      "out = x + tf.random.normal(shape=tf.shape(x), stddev=0.1)")
    #expect(error == nil)
    #expect(printed.contains("('tf.random.normal', 'TFOpLambda', (None, 8, 8, 4))"))
    // Without a Keras tensor in the shape it is an eager tensor of seeded values (`EagerTensors`).
    let cells = CellRunner()
    cells.run(Self.header)
    #expect(
      cells.run("c = tf.random.normal((2, 3))\nprint(c.shape, c.dtype)").printed
        == "(2, 3) <dtype: 'float32'>\n"
    )
  }

  @Test func pixelFunctionsInBothKerasVersions() {
    let (tfKeras, _) = Self.layers(
      "out = tf.nn.depth_to_space(tf.nn.space_to_depth(x, 2), 2)\nout = tf.image.extract_patches(out, [1, 2, 2, 1], [1, 2, 2, 1], [1, 1, 1, 1], 'VALID')"
    )
    #expect(
      tfKeras
        == "[('tf.nn.space_to_depth', 'TFOpLambda', (None, 4, 4, 16)), ('tf.nn.depth_to_space', 'TFOpLambda', (None, 8, 8, 4)), ('tf.image.extract_patches', 'TFOpLambda', (None, 4, 4, 16))]\n"
    )
    let session = KerasSession(kerasVersion: .keras3)
    _ = session.run(Self.header + "x = keras.Input(shape=(8, 8, 4))\n")
    let result = session.run(
      "y = keras.ops.depth_to_space(x, 2)\nz = keras.ops.image.extract_patches(x, 4)\nprint(y.shape, z.shape)\nm = keras.Model(x, [y, z])\nprint([op.name for op in m.layers])"
    )
    #expect(result.error == nil)
    #expect(result.printed(footer: .modern).hasPrefix("(None, 16, 16, 1) (None, 2, 2, 64)\n"))
    let refused = KerasSession(kerasVersion: .keras3)
    _ = refused.run(Self.header + "x = keras.Input(shape=(8, 8, 4))\n")
    #expect(refused.run("tf.nn.depth_to_space(x, 2)").error?.type == "ValueError")
    #expect(
      Self.layers("out = tf.nn.depth_to_space(x, 3)").1?.message.contains(
        "Dimension size must be evenly divisible by 9 but is 4") == true)
  }

  /// Keras 3.15.1's operation names and classes (measured: `y._keras_history.operation`).
  @Test func keras3OperationNames() {
    let session = KerasSession(kerasVersion: .keras3)
    _ = session.run(Self.header + "x = keras.Input(shape=(4, 6))\nops = keras.ops\n")
    let result = session.run(
      "ys = [ops.log1p(x), ops.rsqrt(x), ops.reciprocal(x), ops.leaky_relu(x, negative_slope=0.1), ops.log_softmax(x, axis=1), ops.elu(x), ops.softsign(x), ops.nn.relu(x), x > 0, ops.where(x <= 1, x, 1.0), ops.take(x, [1], axis=2)]\nkeras.Model(x, ys).summary()"
    )
    #expect(result.error == nil)
    let printed = result.printed(format: .keras3(console: SummaryConsole(columns: 200)))
    for row in [
      "log1p (Log1p)", "rsqrt (Rsqrt)", "reciprocal (Reciprocal)", "leaky_relu (LeakyRelu)",
      "log_softmax (LogSoftmax)", "elu (Elu)", "softsign (Softsign)", "relu (Relu)",
      "greater (Greater)", "less_equal (LessEqual)", "where (Where)", "take (Take)",
    ] {
      #expect(printed.contains("│ " + row + " "), "\(row)")
    }
  }

  @Test func kerasRandomIsKeras3sAndRefusedByName() {
    let keras3 = KerasSession(kerasVersion: .keras3)
    _ = keras3.run(Self.header)
    // `normal` and `uniform` run as TensorFlow's draws (fixture 632); the others are refused.
    #expect(keras3.run("print(keras.random.normal(shape=(2, 4)).shape)").printed() == "(2, 4)\n")
    let refused = keras3.run("keras.random.truncated_normal(shape=(2, 4))").error
    #expect(refused?.type == nil)
    #expect(refused?.message == "ConvBook does not support `keras.random.truncated_normal` yet")
    let keras2 = KerasSession(kerasVersion: .keras2)
    _ = keras2.run(Self.header)
    #expect(
      keras2.run("keras.random").error?.message
        == "module 'tf_keras.api._v2.keras' has no attribute 'random'")
  }

  @Test func indexFunctions() {
    let (gathered, _) = Self.layers(
      "out = tf.gather(x, [0, 2, 5], axis=2)\nout = tf.gather(out, 1, axis=1)")
    #expect(
      gathered
        == "[('tf.compat.v1.gather', 'TFOpLambda', (None, 8, 3, 4)), ('tf.compat.v1.gather_1', 'TFOpLambda', (None, 3, 4))]\n"
    )
    let (hot, _) = Self.layers("out = tf.one_hot(x, 5)", input: "(10,), dtype='int32'")
    #expect(hot == "[('tf.one_hot', 'TFOpLambda', (None, 10, 5))]\n")
    // TensorFlow's one_hot refuses float indices (measured: the TypeError of its TFOpLambda).
    let (_, float) = Self.layers("out = tf.one_hot(x, 5)", input: "(10,)")
    #expect(float?.type == "TypeError")
    #expect(
      float?.message.hasPrefix(
        "Exception encountered when calling layer \"tf.one_hot\" (type TFOpLambda).\n\nValue passed to parameter 'indices' has DataType float32 not in list of allowed values: uint8, int8, int32, int64\n\nCall arguments received by layer \"tf.one_hot\" (type TFOpLambda):\n  • indices=tf.Tensor(shape=(None, 10), dtype=float32)\n  • depth=5\n  • on_value=None"
      ) == true)
  }

  @Test func anEmbeddingOfARangeIsAConstantAddedToTheTensor() {
    let source = """
      patches = layers.Reshape((16, 4))(layers.Conv2D(4, 2, strides=2)(x))
      positions = tf.range(start=0, limit=16, delta=1)
      embedded = layers.Embedding(input_dim=16, output_dim=4)(positions)
      print(type(embedded).__name__, embedded.shape)
      out = patches + embedded
      """
    let (printed, error) = Self.layers(source)
    #expect(error == nil)
    // A layer run on an eager tensor gives an eager tensor, as in TensorFlow.
    #expect(printed.hasPrefix("EagerTensor (16, 4)\n"))
    #expect(printed.hasSuffix("('tf.__operators__.add', 'TFOpLambda', (None, 16, 4))]\n"))
    let cells = CellRunner()
    cells.run(Self.header + "x = keras.Input(shape=(3,))\n")
    #expect(
      cells.run("x + tf.range(3)").error?.message
        == "ConvBook does not support + between a Keras tensor and a constant of dtype int64 yet; use a float32 constant"
    )
    #expect(
      cells.run("layers.Embedding(4, 2)(tf.range(6))").error?.message.contains(
        "ConvBook cannot look up 4.0 in the Embedding layer") == true)
  }
}
