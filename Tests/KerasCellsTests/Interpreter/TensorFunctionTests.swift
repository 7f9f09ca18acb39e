import CNNEngine
import KerasCells
import Testing

/// TensorFlow / keras.backend / keras.ops functions on Keras tensors, as tf-keras 2.21 and Keras
/// 3.15.1 record them (names and shapes measured with the reference Keras; the scripts of
/// `Tests/Fixtures/scripts/39-49` check whole summaries).
@Suite struct TensorFunctionTests {
  static let header =
    CellRunner.header + "import tensorflow as tf\nfrom tensorflow.keras import backend as K\n"

  /// The names and output shapes of a model's layers after `source`, which binds `out` from `x`.
  static func layers(_ source: String, keras3: Bool = false) -> (String, CellError?) {
    let session = KerasSession(kerasVersion: keras3 ? .keras3 : .keras2)
    _ = session.run(header + "x = keras.Input(shape=(4, 6, 3))\ny = keras.Input(shape=(4, 6, 3))\n")
    let result = session.run(
      source
        + "\nm = keras.Model([x, y], out)\nprint([(l.name, type(l).__name__, l.output_shape) for l in m.layers if type(l).__name__ != 'InputLayer'])"
    )
    return (result.printed(footer: .modern), result.error)
  }

  @Test func shapesThatCannotBroadcastAreRefused() {
    let session = KerasSession(kerasVersion: .keras2)
    _ = session.run(Self.header + "x = keras.Input(shape=(4, 6, 3))\nz = keras.Input(shape=(5,))\n")
    let function = session.run("out = tf.maximum(x, z)").error
    #expect(function?.type == "ValueError")
    #expect(
      function?.message.contains("Dimensions must be equal, but are 3 and 5 for shapes") == true,
      "\(String(describing: function))")
    let arithmetic = session.run("out = x + z").error
    #expect(
      arithmetic?.message.contains("which TensorFlow cannot broadcast") == true,
      "\(String(describing: arithmetic))")
  }

  @Test func tfKerasNamesEachFunctionByItsCanonicalName() {
    let cases: [(String, String)] = [
      ("out = tf.abs(x - y)", "tf.math.subtract"),
      ("out = tf.nn.sigmoid(x)", "('tf.math.sigmoid', 'TFOpLambda', (None, 4, 6, 3))"),
      ("out = tf.reduce_mean(x, axis=[1, 2], keepdims=True)", "(None, 1, 1, 3)"),
      ("out = tf.squeeze(tf.expand_dims(x, 1), axis=1)", "'tf.compat.v1.squeeze'"),
      (
        "out = tf.transpose(x, [0, 3, 1, 2])",
        "('tf.compat.v1.transpose', 'TFOpLambda', (None, 3, 4, 6))"
      ),
      ("out = K.sqrt(x)", "[('tf.math.maximum', 'TFOpLambda', (None, 4, 6, 3)), ('tf.math.sqrt'"),
      ("out = tf.divide(x, y)", "'tf.math.truediv'"),
      ("out = tf.nn.swish(x)", "'tf.nn.silu'"),
      ("out = tf.stack([x, y], axis=1)", "(None, 2, 4, 6, 3)"),
      (
        "out = x[:, 1:3, ::2, 0:1]",
        "('tf.__operators__.getitem', 'SlicingOpLambda', (None, 2, 3, 1))"
      ),
      ("out = x[:, None, 0]", "(None, 1, 6, 3)"),
      ("out = x[-1]", "(4, 6, 3)"),
      ("out = tf.reshape(x, [-1, 24, 3])", "(None, 24, 3)"),
      ("out = tf.tile(x, [1, 2, 1, 3])", "('tf.tile', 'TFOpLambda', (None, 8, 6, 9))"),
      (
        "out = tf.pad(x, [[0, 0], [1, 1], [2, 0], [0, 0]])",
        "('tf.compat.v1.pad', 'TFOpLambda', (None, 6, 8, 3))"
      ),
      ("out = K.var(x, axis=-1)", "('tf.math.reduce_variance', 'TFOpLambda', (None, 4, 6))"),
      ("out = tf.math.reduce_std(x)", "('tf.math.reduce_std', 'TFOpLambda', ())"),
      ("out = tf.image.resize(x, (8, 12))", "(None, 8, 12, 3)"),
      (
        "out = tf.matmul(x, y, transpose_b=True)",
        "('tf.linalg.matmul', 'TFOpLambda', (None, 4, 6, 6))"
      ),
    ]
    for (source, expected) in cases {
      let (printed, error) = Self.layers(source)
      #expect(error == nil, "\(source): \(String(describing: error))")
      #expect(printed.contains(expected), "\(source): \(printed)")
    }
  }

  @Test func keras3RecordsKerasOpsAsOperations() {
    let (printed, error) = Self.layers(
      "ops = keras.ops\nout = ops.concatenate([ops.abs(x), ops.mean(y, axis=-1, keepdims=True)], axis=-1)",
      keras3: true)
    #expect(error == nil, "\(String(describing: error))")
    // Keras 3's operations are not layers.
    #expect(printed == "[]\n")
    let session = KerasSession(kerasVersion: .keras3)
    let result = session.run(
      Self.header
        + "x = keras.Input(shape=(4, 6, 3))\nz = keras.ops.expand_dims(keras.ops.abs(x), -1)\nprint(z.shape)\nm = keras.Model(x, z)\nm.summary()"
    )
    #expect(result.error == nil)
    let text = result.printed(footer: .modern)
    #expect(text.hasPrefix("(None, 4, 6, 3, 1)\n"))
    #expect(text.contains("absolute (Absolute)"))
    #expect(text.contains("expand_dims (ExpandDims)"))
  }

  @Test func keras3RefusesTensorFlowFunctionsOnKerasTensorsOutsideALambda() {
    let session = KerasSession(kerasVersion: .keras3)
    _ = session.run(Self.header + "x = keras.Input(shape=(4, 6, 3))\n")
    let refused = session.run("tf.reduce_mean(x, axis=1)").error
    #expect(refused?.type == "ValueError")
    #expect(
      refused?.message.hasPrefix("A KerasTensor cannot be used as input to a TensorFlow function.")
        == true)
    let traced = session.run(
      "z = layers.Lambda(lambda t: tf.reduce_mean(t, axis=1))(x)\nprint(z.shape)")
    #expect(traced.error == nil)
    #expect(traced.printed(footer: .modern) == "(None, 6, 3)\n")
  }

  @Test func unsupportedFunctionsAreConvBooksLimitationNamingThem() {
    let cells = CellRunner()
    cells.run(Self.header + "x = keras.Input(shape=(64,))\n")
    #expect(
      cells.run("keras.layers.Lambda(lambda t: tf.math.real(tf.signal.rfft(t)))(x)").error?.message
        == "ConvBook does not support `tf.signal.rfft` in a Lambda yet")
    let direct = cells.run("tf.signal.fft(x)").error
    #expect(direct?.type == nil)
    #expect(direct?.message == "ConvBook does not support `tf.signal.fft` yet")
    #expect(
      cells.run("tf.cumsum(x)").error?.message
        == "ConvBook does not support `tensorflow.cumsum` yet")
    #expect(
      cells.run("tf.squeeze(x)").error?.message
        == "ConvBook does not support `tf.squeeze` without `axis` yet")
  }

  @Test func lambdaRefusalsSayTheyAreInALambda() {
    let cells = CellRunner()
    cells.run(Self.header + "x = keras.Input(shape=(4, 6, 2))\n")
    #expect(
      cells.run("layers.Lambda(lambda t: tf.cumsum(t, axis=-1))(x)").error?.message
        == "ConvBook does not support `tensorflow.cumsum` in a Lambda yet")
    // tf.split inside a Lambda is one slice per piece; a Lambda that returns several tensors is
    // a layer of several outputs, but not inside a Sequential model.
    #expect(cells.run("layers.Lambda(lambda t: tf.split(t, 2, axis=-1)[0])(x)").error == nil)
    #expect(cells.run("layers.Lambda(lambda t: tf.split(t, 2, axis=-1))(x)").error == nil)
    #expect(
      cells.run(
        "keras.Sequential([keras.Input(shape=(4, 6, 2)), layers.Lambda(lambda t: tf.split(t, 2, axis=-1))])"
      ).error?.message.hasPrefix(
        "ConvBook supports a Lambda layer whose function returns several tensors")
        == true)
  }

  @Test func splitAndUnstackRefuseWhatTensorFlowRefuses() {
    let cells = CellRunner()
    cells.run(Self.header + "x = keras.Input(shape=(4, 6, 2))\n")
    let uneven = cells.run("tf.split(x, 4, axis=2)").error
    #expect(uneven?.type == "ValueError")
    #expect(
      uneven?.message.hasPrefix(
        "Exception encountered when calling layer \"tf.split\" (type TFOpLambda).\n\nDimension size must be evenly divisible by 4 but is 6\n"
      ) == true)
    #expect(uneven?.message.hasSuffix("  • num=None\n  • name=split") == true)
    let batch = cells.run("tf.unstack(x)").error
    #expect(
      batch?.message.contains("Cannot infer argument `num` from shape (None, 4, 6, 2)") == true)
    let sizes = cells.run("a, b = tf.split(x, [1, -1], axis=1)\nprint(a.shape, b.shape)")
    #expect(sizes.error == nil)
    #expect(sizes.printed == "(None, 1, 6, 2) (None, 3, 6, 2)\n")
  }

  @Test func compileTakesAFunctionOfTheCellAsLossAndTrainsWithIt() {
    let cells = CellRunner()
    cells.run(
      Self.header
        + "import numpy as np\ndef contrastive_loss(y_true, y_pred):\n    return K.mean(y_true * K.square(y_pred))\n"
    )
    let compiled = cells.run(
      "keras.utils.set_random_seed(0)\nmodel = keras.Sequential([keras.Input((4,)), layers.Dense(1)])\nmodel.compile(optimizer='adam', loss=contrastive_loss, metrics=['accuracy'])\nprint('compiled')"
    )
    #expect(compiled.error == nil, "\(String(describing: compiled.error))")
    #expect(compiled.printed == "compiled\n")
    // y_true is 0 everywhere: the traced loss is 0, and so is its gradient.
    let fit = cells.run(
      "h = model.fit(np.zeros((8, 4)), np.zeros((8, 1)), epochs=2, verbose=0)\nprint(h.history['loss'])"
    )
    #expect(fit.error == nil, "\(String(describing: fit.error))")
    #expect(fit.printed == "[0.0, 0.0]\n")
  }

  @Test func shapeErrorsUseTensorFlowsWords() {
    let cells = CellRunner()
    cells.run(Self.header + "x = keras.Input(shape=(4, 6, 3))\n")
    let error = cells.run("tf.squeeze(x, axis=1)").error
    #expect(error?.type == "ValueError")
    #expect(
      error?.message.contains("Can not squeeze dim[1], expected a dimension of 1, got 4") == true)
    #expect(
      cells.run("x[:, 7]").error?.message.contains("slice index 7 of dimension 1 out of bounds.")
        == true)
  }
}
