import CNNEngine
import KerasCells
import Testing

/// What tf-keras or TensorFlow has but ConvBook lacks is refused as ConvBook's limitation, naming
/// it; only names Keras itself lacks get Keras' AttributeError / ImportError.
@Suite struct HonestRefusalTests {
  static func error(_ source: String) -> CellError? { KerasSession().run(source).error }

  @Test(arguments: [
    (
      "from tensorflow import keras\nx = keras.layers.TFSMLayer('saved')",
      "`keras.layers.TFSMLayer`"
    ),
    ("from tensorflow import keras\nx = keras.layers.Wrapper", "`keras.layers.Wrapper`"),
    ("import tensorflow as tf\nds = tf.data.TFRecordDataset", "`tensorflow.data.TFRecordDataset`"),
    (
      "from tensorflow.keras.mixed_precision import LossScaleOptimizer\nopt = LossScaleOptimizer",
      "`keras.mixed_precision.LossScaleOptimizer`"
    ),
    ("from tensorflow.keras.layers import TFSMLayer", "`keras.layers.TFSMLayer`"),
    ("from tensorflow.keras.layers import Wrapper", "`keras.layers.Wrapper`"),
    (
      "import tensorflow as tf\no = tf.keras.mixed_precision.LossScaleOptimizer",
      "`keras.mixed_precision.LossScaleOptimizer`"
    ),
    // NumPy's own names that ConvBook's arrays lack (`dtype=np.int16`).
    ("import numpy as np\ny = np.int16", "`numpy.int16`"),
    ("import numpy as np\nx = np.polyfit([1, 2], [1, 2], 1)", "`numpy.polyfit`"),
    ("from numpy import int16", "`numpy.int16`"),
    // Modules that are importable only: each real name is refused where it is used.
    ("import shutil\nshutil.copyfile('a', 'b')", "`shutil.copyfile`"),
    ("import io\nbuffer = io.BytesIO()", "`io.BytesIO`"),
    ("from inspect import getsource", "`inspect.getsource`"),
    // Packages' internal modules that exist but ConvBook does not model.
    ("from keras.src.layers.input_spec import InputSpec", "`keras.src.layers.input_spec`"),
    // A module of Keras' private tree mirrors its public module, with more names.
    (
      "from keras.src.applications import imagenet_utils\nimagenet_utils.validate_activation",
      "`keras.src.applications.imagenet_utils.validate_activation`"
    ),
    ("from keras.src.layers import input_spec", "`keras.src.layers.input_spec`"),
    ("from keras.src.ops.operation_utils import x", "`keras.src.ops.operation_utils`"),
    ("from tensorflow.compiler.tf2xla.python import xla", "`tensorflow.compiler.tf2xla`"),
    // Python attributes every object of the kind has, which ConvBook's do not carry.
    (
      "class Config:\n    units: int = 4\nprint(Config.__annotations__)",
      "a class's `__annotations__`"
    ),
    ("def build(units=4):\n    pass\nprint(build.__defaults__)", "a function's `__defaults__`"),
    (
      "from tensorflow import keras\nprint(keras.layers.Dense(2).__dict__)",
      "the `__dict__` of a Keras object"
    ),
    ("from abc import abstractproperty", "`abc.abstractproperty`"),
    // TensorFlow's Function objects have more than a call.
    (
      "import tensorflow as tf\n@tf.function\ndef cube(x):\n    return x ** 3\ncube.get_concrete_function(tf.constant(2.0))",
      "`get_concrete_function` of a `tf.function`"
    ),
    // Python's three-argument type() makes a class (a stand-in dataset object in real code).
    (
      "import numpy as np\nhousing = type('Housing', (), {'data': np.zeros((4, 8))})",
      "making a class with `type(name, bases, namespace)`"
    ),
    // Arrays are values in ConvBook: which names share one NumPy array is not kept.
    ("import numpy as np\na = np.zeros(3)\nb = a\nprint(a is b)", "`is` between two NumPy arrays"),
    // TensorFlow slices a tensor with a bound known only when the model runs.
    (
      "import tensorflow as tf\nfrom tensorflow import keras\nclass Crop(keras.layers.Layer):\n    def call(self, x):\n        table = tf.zeros((1, 9, 4))\n        return x + table[:, :tf.shape(x)[1], :]\ny = Crop()(keras.Input((5, 4)))",
      "a slice bound that is a symbolic tensor (`t[:tf.shape(x)[1]]`)"
    ),
  ])
  func refusedAsConvBooksLimitation(_ source: String, _ name: String) {
    let error = Self.error(source)
    #expect(error?.type == nil)
    #expect(error?.message == "ConvBook does not support \(name) yet")
  }

  /// type() with other than one or three arguments is Python's TypeError, in Python's words.
  @Test(arguments: [
    ("type(1, 2)", "type() takes 1 or 3 arguments"), ("type()", "type() takes 1 or 3 arguments"),
    ("type(1, x=2)", "type() takes no keyword arguments"),
  ])
  func typeWithOtherArgumentCountsIsPythonsTypeError(_ source: String, _ message: String) {
    let error = Self.error(source)
    #expect(error?.type == "TypeError")
    #expect(error?.message == message)
  }

  /// Keras 3's layers give their output shape without calling a script's activation function,
  /// so a function ConvBook cannot run (`K.relu` is not in Keras 3's `keras.backend`) leaves the
  /// model buildable and summarized; running the model is refused, in every way it can run.
  @Test(arguments: [
    "model.predict(x, verbose=0)", "model(x)", "model.layers[1](x)",
    "model.fit(x, np.zeros((2, 3)), verbose=0)", "model.evaluate(x, np.zeros((2, 3)), verbose=0)",
  ])
  func keras3RefusesAnActivationItCannotRunOnlyWhereItRuns(_ run: String) {
    let source = """
      import numpy as np
      import keras
      from keras import backend as K
      def hard_swish(t):
          return t * K.relu(t + 3.0, max_value=6.0) / 6.0
      inputs = keras.Input((4,))
      hidden = keras.layers.Dense(3, activation=hard_swish)(inputs)
      model = keras.Model(inputs, keras.layers.Activation(hard_swish)(hidden))
      model.compile(loss="mse")
      model.summary()
      x = np.ones((2, 4), dtype="float32")
      \(run)

      """
    let result = KerasSession(kerasVersion: .keras3).run(source)
    #expect(result.outputs.contains { if case .summary = $0 { true } else { false } })
    #expect(result.error?.type == nil)
    #expect(
      result.error?.message.contains(
        "ConvBook does not support running the activation function `hard_swish` yet") == true)
    #expect(
      result.error?.message.contains("module 'keras.backend' has no attribute 'relu'") == true)
  }

  /// TensorFlow's CPU kernels take some layers only channels_last: running such a model on data
  /// fails there in words that name the traced graph's node, so ConvBook refuses, naming the
  /// layer, in every way the model runs; its summary still prints. Which layers fail differs by
  /// version (tf-keras' MaxPooling2D, Keras 3's Conv2DTranspose; both Conv2D).
  @Test(arguments: [
    (KerasVersion.keras2, "MaxPooling2D(data_format=\"channels_first\")", "max_pooling2d"),
    (
      KerasVersion.keras3, "Conv2DTranspose(2, 3, data_format=\"channels_first\")",
      "conv2d_transpose"
    ),
    (KerasVersion.keras2, "Conv2D(2, 3, data_format=\"channels_first\")", "conv2d"),
    (KerasVersion.keras3, "Conv1D(2, 3, data_format=\"channels_first\")", "conv1d"),
  ])
  func channelsFirstLayersTensorFlowCannotRunOnTheCPUAreRefused(
    _ version: KerasVersion, _ layer: String, _ name: String
  ) {
    for run in ["model.predict(x, verbose=0)", "model(x)"] {
      let source = """
        import numpy as np
        from tensorflow import keras
        model = keras.Sequential([keras.Input((3, 8, 8)), keras.layers.\(layer)])
        model.summary()
        x = np.ones((1, 3, 8, 8), dtype="float32")
        \(run)
        """
      let result = KerasSession(kerasVersion: version).run(
        layer.hasPrefix("Conv1D") ? source.replacingOccurrences(of: "8, 8)", with: "8)") : source)
      #expect(result.outputs.contains { if case .summary = $0 { true } else { false } })
      #expect(result.error?.type == nil)
      #expect(
        result.error?.message.hasPrefix(
          "ConvBook does not run the model \"sequential\" on data: TensorFlow's CPU kernel for its layer \"\(name)\""
        ) == true, "\(run): \(result.error?.message ?? "no error")")
    }
  }

  /// The channels_first layers TensorFlow runs on the CPU (tf-keras' DepthwiseConv2D and
  /// Conv2DTranspose, Keras 3's pooling) run in ConvBook too.
  @Test(arguments: [
    (KerasVersion.keras2, "DepthwiseConv2D(3, data_format=\"channels_first\")"),
    (KerasVersion.keras2, "Conv2DTranspose(2, 3, data_format=\"channels_first\")"),
    (KerasVersion.keras3, "MaxPooling2D(data_format=\"channels_first\")"),
  ])
  func channelsFirstLayersTensorFlowRunsOnTheCPURun(_ version: KerasVersion, _ layer: String) {
    let source = """
      import numpy as np
      from tensorflow import keras
      model = keras.Sequential([keras.Input((3, 8, 8)), keras.layers.\(layer)])
      print(model.predict(np.ones((1, 3, 8, 8)), verbose=0).shape)
      """
    let result = KerasSession(kerasVersion: version).run(source)
    #expect(result.error == nil)
  }

  /// An Embedding index outside the vocabulary is TensorFlow's InvalidArgumentError, whose text
  /// names the graph's node and the traced function's number: refused, not a ValueError.
  @Test func anEmbeddingIndexOutsideTheVocabularyIsRefusedInPredict() {
    let source = """
      import numpy as np
      from tensorflow import keras
      inputs = keras.Input((3,), dtype="int32")
      model = keras.Model(inputs, keras.layers.Embedding(10, 2)(inputs))
      model.predict(np.array([[1, 2, 12]]), verbose=0)
      """
    let error = KerasSession(kerasVersion: .keras2).run(source).error
    #expect(error?.type == nil)
    #expect(
      error?.message
        == "ConvBook does not reproduce TensorFlow's InvalidArgumentError for this data yet: layer \"embedding\": indices[0,2] = 12 is not in [0, 10)"
    )
  }

  /// An activation function that prints: ConvBook's run of it on a tensor of its own shape must
  /// print nothing. Keras 3 prints only when the model runs (refused there); tf-keras where the
  /// layer is called, with the output's shape (refused there).
  @Test func anActivationThatPrintsPrintsNothingOfConvBooks() {
    let source = """
      import numpy as np
      from tensorflow import keras
      def act(x):
          print("act called", x.shape)
          return keras.activations.relu(x)
      inputs = keras.Input((4,))
      model = keras.Model(inputs, keras.layers.Dense(3, activation=act)(inputs))
      print("built")
      model.predict(np.ones((1, 4)), verbose=0)

      """
    let keras3 = KerasSession(kerasVersion: .keras3).run(source)
    #expect(keras3.printed(footer: .modern) == "built\n")
    #expect(keras3.error?.type == nil)
    #expect(keras3.error?.message.contains("`act` yet: it prints") == true)
    let tfKeras = KerasSession(kerasVersion: .keras2).run(source)
    #expect(tfKeras.printed(footer: .modern) == "")
    #expect(tfKeras.error?.message.contains("`act` yet: it prints") == true)
  }

  /// A tensor operation that fails inside a custom layer's call is worded by tf-keras as its
  /// TFOpLambda's failure; Keras 3 has no TFOpLambda (it names the layer, with TensorFlow's own
  /// text on data), so a Keras 3 session refuses rather than print tf-keras' words.
  @Test func keras3RefusesTFOpLambdaWording() {
    let source = """
      import keras
      from keras import ops
      class Twice(keras.layers.Layer):
          def build(self, input_shape):
              self.kernel = self.add_weight(shape=(10, 5), initializer="ones")
          def call(self, x):
              return ops.matmul(ops.concatenate([x, x], axis=0), self.kernel)
      Twice()(keras.random.normal((2, 5)))

      """
    let error = KerasSession(kerasVersion: .keras3).run(source).error
    #expect(error?.type == nil)
    #expect(
      error?.message.hasPrefix("ConvBook does not give Keras 3's text of this ValueError yet: ")
        == true)
  }

  /// tf-keras hands strides, window sizes, dilations and upsampling factors to TensorFlow as
  /// 32-bit integers, which fails with the op's whole node definition: refused as ConvBook's, in
  /// tf-keras only (Keras 3 computes the shape: script 1092).
  @Test(arguments: [
    ("keras.layers.Conv2D(2, 3, strides=2**31)", "strides=2147483648"),
    (
      "keras.layers.Conv2D(2, 3, dilation_rate=2**40, padding='same')",
      "dilation_rate=1099511627776"
    ),
    ("keras.layers.MaxPooling2D(2**33, padding='same')", "pool_size=8589934592"),
    ("keras.layers.AveragePooling2D(2, strides=2**32, padding='same')", "strides=4294967296"),
    ("keras.layers.UpSampling2D((2**31, 1))", "size=2147483648"),
    ("keras.layers.DepthwiseConv2D(3, strides=2**31)", "strides=2147483648"),
  ])
  func tfKerasSettingsBeyondInt32(_ layer: String, _ named: String) {
    let source = "from tensorflow import keras\nx = \(layer)(keras.Input((28, 28, 1)))"
    let refused = KerasSession(kerasVersion: .keras2).run(source).error
    #expect(refused?.type == nil)
    #expect(
      refused?.message.hasPrefix("ConvBook does not support \(named) in tf-keras yet") == true)
    #expect(KerasSession(kerasVersion: .keras3).run(source).error == nil)
  }

  /// `print()` in a custom layer's `call` runs where the layer is first called on Keras tensors;
  /// Keras prints again whenever `fit`, `evaluate` or `predict` traces `call`, which ConvBook
  /// refuses rather than print less (in both Kerases, through a nested model too).
  @Test(arguments: [KerasVersion.keras2, .keras3])
  func printInsideATracedCallRefusesRunningTheModel(_ version: KerasVersion) {
    let source = """
      import numpy as np
      from tensorflow import keras
      class Loud(keras.layers.Layer):
          def call(self, inputs):
              print("tracing", inputs.shape)
              return inputs * 2.0
      inputs = keras.Input(shape=(3,))
      inner = keras.Model(inputs, Loud()(inputs))
      outer = keras.Sequential([keras.Input(shape=(3,)), inner, keras.layers.Dense(1)])
      outer.summary()
      outer.predict(np.ones((2, 3)))
      """
    let result = KerasSession(kerasVersion: version).run(source)
    #expect(result.error?.type == nil)
    #expect(
      result.error?.message
        == "ConvBook does not support `model.predict()` of a model whose Loud.call() prints yet: Keras prints again each time predict traces call()"
    )
    #expect(result.error?.range.start.line == 11)
  }

  /// Keras runs a custom layer's `call` again at each call on Keras tensors, Keras 3 twice at a
  /// first call that builds the layers it holds, and again at each `add` of a built Sequential
  /// model: where the `call` prints, ConvBook refuses rather than print fewer lines.
  @Test func printInsideCallRefusesWhereKerasRunsCallAgain() {
    let prelude = """
      from tensorflow import keras
      class Loud(keras.layers.Layer):
          def call(self, inputs):
              print("tracing")
              return inputs * 2.0
      class Holder(keras.layers.Layer):
          def __init__(self):
              super().__init__()
              self.dense = keras.layers.Dense(2)
          def call(self, inputs):
              print("holder")
              return self.dense(inputs)
      inputs = keras.Input(shape=(3,))

      """
    let cases: [(String, KerasVersion, String)] = [
      (
        "loud = Loud()\nx = loud(inputs)\ny = loud(x)", .keras2,
        "ConvBook does not support calling the layer again when Loud.call() prints yet: Keras runs call() at each call and prints again"
      ),
      (
        "y = Holder()(inputs)", .keras3,
        "ConvBook does not support print() inside Holder.call() at its first call yet: Keras 3 runs call() twice there (once to build the layers it holds) and prints twice"
      ),
      (
        "m = keras.Sequential([inputs, Loud()])\nm.add(keras.layers.Dense(1))", .keras3,
        "ConvBook does not support `model.add()` of a model whose Loud.call() prints yet: Keras prints again each time add traces call()"
      ),
    ]
    for (body, version, message) in cases {
      let result = KerasSession(kerasVersion: version).run(prelude + body)
      #expect(result.error?.type == nil, "\(body)")
      #expect(result.error?.message == message, "\(body)")
    }
    // Where Keras runs `call` once, the text is Keras' and nothing is refused.
    let once = KerasSession(kerasVersion: .keras2).run(prelude + "y = Holder()(Loud()(inputs))")
    #expect(once.error == nil)
    #expect(once.outputs == [.text("tracing\nholder\n")])
  }

  /// tf-keras tracks a variable set on a layer as its weight (the progressive GAN's WeightedSum
  /// counts `K.variable(alpha)` as one parameter), and so does ConvBook; Keras 3 does not track it,
  /// and ConvBook's count agrees.
  @Test(arguments: ["tf.Variable(0.5)", "K.variable(0.5)"])
  func variablesSetOnLayersAreTrackedAsTFKerasDoes(_ making: String) {
    let source = """
      import tensorflow as tf
      from tensorflow import keras
      from tensorflow.keras import backend as K
      class Blend(keras.layers.Layer):
          def __init__(self, **kwargs):
              super().__init__(**kwargs)
              self.alpha = \(making)
          def call(self, x):
              return (1.0 - self.alpha) * x
      inputs = keras.Input((4,))
      model = keras.Model(inputs, Blend()(inputs))
      print(model.count_params())
      """
    let keras2 = KerasSession(kerasVersion: .keras2).run(source)
    #expect(keras2.error == nil)
    #expect(keras2.outputs == [.text("1\n")])
    let keras3 = KerasSession(kerasVersion: .keras3).run(source)
    #expect(keras3.error == nil)
    #expect(keras3.outputs == [.text("0\n")])
  }

  /// Unseeded random weights differ on every Keras run: printing them (the variable, or the
  /// arrays `get_weights()` and `numpy()` give) is refused, while their shapes, constant weights
  /// and the weights of a seeded script print.
  @Test(arguments: [KerasVersion.keras2, .keras3])
  func unseededWeightValuesAreNotPrinted(_ version: KerasVersion) {
    let model = """
      import numpy as np
      from tensorflow import keras
      net = keras.Sequential([keras.Input((2,)), keras.layers.Dense(2, bias_initializer="ones")])
      """
    for shown in [
      "print(net.layers[0].kernel)", "print(net.get_weights())",
      "print(net.layers[0].get_weights()[0])", "print(net.weights[0].numpy())",
    ] {
      let error = KerasSession(kerasVersion: version).run(model + "\n" + shown).error
      #expect(error?.type == nil, "\(shown)")
      #expect(error?.message.hasPrefix("printing") == true, "\(shown)")
    }
    let shapes = KerasSession(kerasVersion: version).run(
      model + "\nprint([w.shape for w in net.get_weights()], net.get_weights()[1])")
    #expect(shapes.error == nil)
    #expect(shapes.outputs == [.text("[(2, 2), (2,)] [1. 1.]\n")])
    let seeded = KerasSession(kerasVersion: version).run(
      "from tensorflow import keras\nkeras.utils.set_random_seed(3)\n" + model
        + "\nprint(net.get_weights()[0].dtype)")
    #expect(seeded.error == nil)
  }

  /// What a model of unseeded random weights computes (and unseeded NumPy or TensorFlow draws)
  /// differs on every Keras run: printing it is refused where it would print, through
  /// arithmetic, indexing, reductions, `float()`, `round()`, text and conditions, while the
  /// output before it and whatever does not depend on the values still print.
  @Test(arguments: [KerasVersion.keras2, .keras3])
  func valuesOfOwnDrawsAreRefusedWherePrinted(_ version: KerasVersion) {
    let model = """
      import numpy as np
      from tensorflow import keras
      net = keras.Sequential([keras.Input((2,)), keras.layers.Dense(2), keras.layers.Dense(1)])
      net.compile(optimizer="sgd", loss="mse")
      x = np.ones((4, 2), dtype="float32")
      y = net.predict(x, verbose=0)
      print("before", y.shape)
      """
    let refused: [(String, String)] = [
      ("print(net(x))", "printing these values"),
      ("print(y * 2 + 1)", "printing these values"),
      ("print(np.argmax(y))", "printing these values"),
      ("v = float(y[0, 0])\nprint(round(v, 2))", "printing these values"),
      ("print(f'{y[0, 0]:.2f}')", "printing these values"),
      ("print('%.3f' % y.mean())", "printing these values"),
      ("t = str(y[1])", "printing these values"),
      ("t = '{:.2f}'.format(y[1, 0])", "printing these values"),
      ("if y[0, 0] > 0:\n    print('up')", "this condition tests values"),
      ("print(net.evaluate(x, y, verbose=0))", "printing these values"),
      ("print(net.get_weights()[0] * 2)", "printing these values"),
      ("net.fit(x, y, epochs=1)", "printing fit's progress"),
      ("net.evaluate(x, y)", "printing evaluate's progress"),
      ("h = net.fit(x, y, epochs=2, verbose=0)\nprint(h.history)", "printing these values"),
      ("print(np.random.rand(2))", "printing these values"),
    ]
    for (shown, refusal) in refused {
      let result = KerasSession(kerasVersion: version).run(model + "\n" + shown)
      #expect(result.error?.type == nil, "\(shown)")
      #expect(
        result.error?.message.hasPrefix(refusal) == true,
        "\(shown): \(String(describing: result.error))")
      #expect(result.printed().hasPrefix("before (4, 1)\n"), "\(shown)")
    }
    let independent = KerasSession(kerasVersion: version).run(
      model + "\n"
        + """
        h = net.fit(x, y, epochs=2, verbose=0)
        print(len(y), y.ndim, np.argmax(y, axis=1).shape, sorted(h.history), len(h.history["loss"]))
        if "loss" in h.history:
            print(type(y).__name__, net.count_params())
        """)
    #expect(independent.error == nil, "\(String(describing: independent.error))")
    #expect(independent.printed() == "before (4, 1)\n4 2 (4,) ['loss'] 2\nndarray 9\n")
    let seeded = KerasSession(kerasVersion: version).run(
      "from tensorflow import keras\nkeras.utils.set_random_seed(3)\n" + model
        + "\nprint(np.random.rand(1).shape, y[0, 0] == y[1, 0])")
    #expect(seeded.error == nil, "\(String(describing: seeded.error))")
    #expect(seeded.printed() == "before (4, 1)\n(1,) True\n")
  }

  /// Unseeded generators draw anew on every CPython run (Python's `random` before `random.seed`
  /// or after `seed(None)`, `random.Random()`, `np.random.default_rng()`, NumPy's global
  /// generator): what they draw, the order a shuffle leaves, and the rows of an array of own
  /// draws (iterated, unpacked, listed) are refused where printed; text they would pick is
  /// refused at the draw. Lengths and shapes still print.
  @Test(arguments: [KerasVersion.keras2, .keras3])
  func unseededGeneratorsAndRowsOfOwnDrawsAreRefused(_ version: KerasVersion) {
    let header = """
      import random
      import numpy as np
      from tensorflow import keras
      print("before")
      """
    let refused: [(String, String)] = [
      ("print(random.random())", "printing these values"),
      ("print(random.randint(1, 6) + 1)", "printing these values"),
      ("items = [1, 2, 3]\nrandom.shuffle(items)\nprint(items)", "printing these values"),
      ("print(random.sample(range(9), 2))", "printing these values"),
      ("random.seed(None)\nprint(random.gauss(0, 1))", "printing these values"),
      ("print(random.Random().random())", "printing these values"),
      ("pick = random.choice(['a', 'b'])", "random.choice() here draws from an unseeded"),
      ("names = ['a', 'b']\nrandom.shuffle(names)", "random.shuffle() here draws from an unseeded"),
      ("print(np.random.default_rng().integers(0, 9, 2))", "printing these values"),
      ("order = np.arange(4)\nnp.random.shuffle(order)\nprint(order)", "printing these values"),
      ("names = ['a', 'b']\nnp.random.shuffle(names)", "np.random.shuffle() here draws"),
      (
        "g = np.random.default_rng()\norder = np.arange(3)\ng.shuffle(order)",
        "ConvBook does not shuffle with an unseeded Generator yet",
      ),
      ("w = np.random.rand(2, 3)\nfor row in w:\n    print(row)", "printing these values"),
      ("w = np.random.rand(2, 3)\na, b = w\nprint(a)", "printing these values"),
      ("w = np.random.rand(2, 3)\nprint(list(w))", "printing these values"),
      (
        "m = keras.Sequential([keras.Input((2,)), keras.layers.Dense(3)])\nprint(*m.get_weights()[0])",
        "printing these values",
      ),
    ]
    for (shown, refusal) in refused {
      let result = KerasSession(kerasVersion: version).run(header + "\n" + shown)
      #expect(result.error?.type == nil, "\(shown)")
      #expect(
        result.error?.message.hasPrefix(refusal) == true,
        "\(shown): \(String(describing: result.error))")
      #expect(result.printed() == "before\n", "\(shown)")
    }
    let independent = KerasSession(kerasVersion: version).run(
      header + "\n"
        + """
        items = [np.ones(2), np.zeros(2)]
        random.shuffle(items)
        order = np.arange(5)
        np.random.shuffle(order)
        print(len(items), order.shape, [row.shape for row in np.random.rand(2, 3)])
        """)
    #expect(independent.error == nil, "\(String(describing: independent.error))")
    #expect(independent.printed() == "before\n2 (5,) [(3,), (3,)]\n")
  }

  /// TensorFlow reads a layer's weight variable into a tensor wherever it is computed with
  /// (arithmetic, indexing, `tf` functions, NumPy arithmetic): ConvBook's limitation there, never
  /// a TypeError Keras would not raise. Its values (`numpy()`) still compute.
  @Test(arguments: [KerasVersion.keras2, .keras3])
  func computingWithAWeightVariableIsConvBooksLimitation(_ version: KerasVersion) {
    let model = """
      import numpy as np
      import tensorflow as tf
      from tensorflow import keras
      layer = keras.layers.Dense(2, kernel_initializer="ones")
      model = keras.Sequential([keras.Input((3,)), layer])
      """
    for (used, what) in [
      ("layer.kernel + 1", "+"), ("2 * layer.bias", "*"), ("layer.kernel[0]", "indexing"),
      ("float(layer.bias[1])", "indexing"), ("tf.reduce_sum(layer.kernel)", "`tf.reduce_sum`"),
      ("np.ones(2) - layer.bias", "-"),
    ] {
      let error = KerasSession(kerasVersion: version).run(model + "\ny = " + used).error
      #expect(error?.type == nil, "\(used)")
      #expect(
        error?.message
          == "ConvBook does not compute with a weight variable itself yet (\(what)); use its values, w.numpy()",
        "\(used): \(String(describing: error))")
    }
    let values = KerasSession(kerasVersion: version).run(
      model + "\nprint(layer.kernel.numpy()[0] + 1, layer.bias.numpy() * 2)")
    #expect(values.error == nil, "\(String(describing: values.error))")
    #expect(values.printed() == "[2. 2.] [0. 0.]\n")
  }

  /// A custom layer's weight read before its first call shows its first value (a constant one
  /// prints), never None.
  @Test(arguments: [KerasVersion.keras2, .keras3])
  func customWeightsReadBeforeTheFirstCallShowTheirFirstValue(_ version: KerasVersion) {
    let custom = KerasSession(kerasVersion: version).run(
      """
      from tensorflow import keras
      class Offset(keras.layers.Layer):
          def __init__(self):
              super().__init__()
              self.b = self.add_weight(shape=(2,), initializer="ones", name="offset")
              self.w = self.add_weight(shape=(2,), initializer="random_normal")
      layer = Offset()
      print(layer.b.numpy())
      print(layer.w.numpy())
      """)
    #expect(custom.printed() == "[1. 1.]\n")
    #expect(custom.error?.message.hasPrefix("printing these values") == true)
  }

  /// CPython's built-ins that the cell language lacks are ConvBook's limitation; a name Python
  /// lacks keeps its NameError.
  @Test func missingBuiltinsAreConvBooksLimitation() {
    #expect(
      Self.error("exec('x = 1')")?.message
        == "ConvBook does not support Python's built-in `exec` yet")
    #expect(Self.error("g = globals()")?.type == nil)
    let error = Self.error("y = undefined_thing")
    #expect(error?.type == "NameError")
    #expect(error?.message == "name 'undefined_thing' is not defined")
  }

  /// A method or value CPython's built-in types have but ConvBook lacks is ConvBook's limitation
  /// (`dir(str)` and the others are kept in `BuiltinTypeAttributes`); a name the type lacks keeps
  /// CPython's AttributeError.
  @Test(arguments: [
    ("n = (1).to_bytes(2, 'big')", "`int.to_bytes`"),
    ("n = int.from_bytes([0, 1], 'big')", "`int.from_bytes`"),
    ("s = 'Ab'.casefold()", "`str.casefold`"),
    ("v = {'a': 1}.keys().isdisjoint([1])", "`dict_keys.isdisjoint`"),
    ("d = {'a': 1}.__doc__", "`dict.__doc__`"),
    ("n = [1].__len__()", "`list.__len__`"),
  ])
  func builtinMethodsConvBookLacks(_ source: String, _ name: String) {
    let error = Self.error(source)
    #expect(error?.type == nil)
    #expect(error?.message == "ConvBook does not support \(name) yet")
  }

  /// A `__repr__` that asks for its own instance's repr recurses until CPython's RecursionError,
  /// whose traceback ConvBook does not reproduce: refused, never the default repr.
  @Test func selfRecursiveReprIsRefused() {
    let error = Self.error(
      "class A:\n    def __repr__(self):\n        return 'A' + str(self)\nprint(A())")
    #expect(error?.type == nil)
    #expect(error?.message.contains("`A.__repr__`") == true)
  }

  /// So does a `__str__` that asks for its own instance's str (`str(self)`, `f"{self}"`); its
  /// repr, the str of a list holding it, and a `__repr__` calling `str(self)` of a class with a
  /// `__str__` stay Python's.
  @Test func selfRecursiveStrIsRefused() {
    for body in ["str(self)", "f'{self}'"] {
      let error = Self.error(
        "class D:\n    def __str__(self):\n        return \(body)\nprint(D())")
      #expect(error?.type == nil, "\(body)")
      #expect(
        error?.message
          == "ConvBook does not support a `__str__` that asks for the str of its own instance (`D.__str__` runs into itself until CPython's RecursionError) yet",
        "\(body)")
    }
    let result = KerasSession().run(
      """
      class P:
          def __repr__(self):
              return "P(" + str(self) + ")"
          def __str__(self):
              return "p"
      class Q:
          def __str__(self):
              return "Q" + f"{self!r}"[:3]
      print(repr(P()), P(), [P()], f"{P()!r}", Q())
      """)
    #expect(result.error == nil)
    #expect(result.outputs == [.text("P(p) p [P(p)] P(p) Q<__\n")])
  }

  /// Keras 3 dropped Keras 1's lower-case optimizers: Python's AttributeError with its suggestion.
  @Test func keras3SuggestsTheClassOfADroppedName() {
    let error = KerasSession(kerasVersion: .keras3).run(
      "import keras\nopt = keras.optimizers.rmsprop(lr=0.1)"
    ).error
    #expect(error?.type == "AttributeError")
    #expect(error?.message == "module 'keras.optimizers' has no attribute 'rmsprop'")
    #expect(error?.suggestion == "RMSprop")
  }

  /// `type()` of NumPy's values names NumPy's classes, as Python prints them.
  @Test func numpyTypesPrintWithTheirModule() {
    let result = KerasSession().run(
      "import numpy as np\nprint(type(np.zeros((2, 3))))\nprint(type(np.float32(1.5)))")
    #expect(result.error == nil)
    #expect(result.printed() == "<class 'numpy.ndarray'>\n<class 'numpy.float32'>\n")
  }

  @Test func misspellingsKeepKerasWords() {
    let error = KerasSession(kerasVersion: .keras2).run(
      "from tensorflow import keras\nx = keras.layers.Conv4D(4, 3)"
    ).error
    #expect(error?.type == "AttributeError")
    #expect(
      error?.message == "module 'tf_keras.api._v2.keras.layers' has no attribute 'Conv4D'")
    let imported = Self.error("from tensorflow.keras.layers import Conv4D")
    #expect(imported?.type == "ImportError")
  }

  /// A name NumPy lacks keeps NumPy's AttributeError (with CPython's suggestion from NumPy's own
  /// names) and ImportError; `from numpy import random` still binds the submodule.
  @Test func numpyMisspellingsKeepPythonsWords() {
    let error = Self.error("import numpy as np\nx = np.flaot32")
    #expect(error?.type == "AttributeError")
    #expect(error?.message == "module 'numpy' has no attribute 'flaot32'")
    #expect(error?.suggestion == "float32")
    let imported = Self.error("from numpy import flaot32")
    #expect(imported?.type == "ImportError")
    #expect(imported?.message == "cannot import name 'flaot32' from 'numpy'")
    #expect(Self.error("from numpy import random\nrandom.seed(1)") == nil)
  }

  @Test func modulesKeras3RemovedAreMissingInKeras3() {
    let error = KerasSession(kerasVersion: .keras3).run(
      "from tensorflow.keras.layers.experimental import preprocessing"
    ).error
    #expect(error?.type == "ModuleNotFoundError")
    #expect(error?.message == "No module named 'tensorflow.keras.layers.experimental'")
  }

  /// CPython writes a default repr with the object's memory address, which changes from run to
  /// run: a script (`convbook run`) refuses to print one, naming it; a lesson shows it without
  /// the address. Only what is shown counts (`str()` of a class with `__str__` has no address).
  @Test(arguments: [
    ("class P:\n    pass\nprint(P())", "<__main__.P object at 0x...>"),
    ("def f():\n    return 1\nprint([1, f])", "<function f at 0x...>"),
    (
      "class Q:\n    def __str__(self):\n        return 'q'\nx = repr(Q())",
      "<__main__.Q object at 0x...>"
    ),
    ("class P:\n    pass\nx = f'{P()!s}'", "<__main__.P object at 0x...>"),
    ("class P:\n    pass\nx = '%s and %s' % (1, P())", "<__main__.P object at 0x...>"),
    // Keras', TensorFlow's and NumPy's functions are Python functions with an address too.
    (
      "from tensorflow.keras.losses import mse\nprint('mse:', mse)",
      "<function mean_squared_error at 0x...>"
    ),
    ("import tensorflow as tf\nprint(tf.reduce_mean)", "<function reduce_mean at 0x...>"),
    ("import numpy as np\nprint({'op': np.mean})", "<function mean at 0x...>"),
    (
      "from tensorflow import keras\nprint(keras.layers.concatenate)",
      "<function concatenate at 0x...>"
    ),
    // A built-in type's method is a C function bound to its object (real-BA ba63 printed
    // `config.values` without calling it).
    (
      "config = {'units': 3}\nprint(config.values)",
      "<built-in method values of dict object at 0x...>"
    ),
    (
      "import numpy as np\nprint([np.ones(2).sum])",
      "<built-in method sum of numpy.ndarray object at 0x...>"
    ),
  ])
  func scriptsRefuseToPrintMemoryAddresses(_ source: String, _ object: String) {
    let session = KerasSession()
    session.scriptName = "script.py"
    let error = session.run(source).error
    #expect(error?.type == nil)
    #expect(
      error?.message
        == "ConvBook does not print `\(object)`: Python shows the object's memory address, which changes from run to run (print its attributes, or give its class a __repr__)"
    )
  }

  /// `id(x)` is CPython's memory address: equal ids compare and key dicts, but their digits are
  /// never shown or computed with, and ids of values CPython may cache are refused.
  @Test(arguments: [
    ("x = []\nprint(id(x))", PythonObjectIDText.printing),
    ("x = []\nprint(f'{id(x)}')", PythonObjectIDText.printing),
    ("x = []\ny = id(x) % 100", PythonObjectIDText.arithmetic),
    (
      "y = id(3)",
      "ConvBook does not support id() of int values: CPython's answer depends on its caches"
    ),
  ])
  func idValuesAreNeverShown(_ source: String, _ message: String) {
    let error = Self.error(source)
    #expect(error?.type == nil)
    #expect(error?.message == message)
  }

  enum PythonObjectIDText {
    static let printing =
      "printing an id() would show CPython's memory address of the object, which changes on every run; compare ids with == instead"
    static let arithmetic =
      "ConvBook does not compute with id() values (CPython's memory addresses); compare them with == instead"
  }

  /// Keras' weights compare element-wise, so neither Keras hashes them
  /// (`set(model.non_trainable_weights)` in a copied parameter counter): Keras 3's TypeError;
  /// tf-keras' message shows the variable's values, so ConvBook refuses there.
  @Test func weightsAreUnhashable() {
    let source = """
      from tensorflow import keras
      model = keras.Sequential([keras.Input((3,)), keras.layers.BatchNormalization()])
      frozen = set(model.non_trainable_weights)
      """
    let keras3 = KerasSession(kerasVersion: .keras3).run(source).error
    #expect(keras3?.type == "TypeError")
    #expect(keras3?.message == "unhashable type: 'Variable'")
    let keras2 = KerasSession(kerasVersion: .keras2).run(source).error
    #expect(keras2?.type == nil)
    #expect(keras2?.message.contains("tf.Variable as a set item or dict key") == true)
    let key = KerasSession(kerasVersion: .keras3).run(
      source.replacingOccurrences(
        of: "set(model.non_trainable_weights)", with: "{model.weights[0]: 1}")
    ).error
    #expect(key?.message == "unhashable type: 'Variable'")
  }

  /// An error whose message quotes an object (Keras 3's "<__main__.Reg object at 0x7f...> does not
  /// implement get_config()") is refused in a script, uncaught or printed; a lesson shows it
  /// without the address, and CPython's own `<super: ..., <P object>>` has none.
  @Test func scriptsRefuseErrorsQuotingAnAddress() {
    let source = """
      import keras
      class Reg(keras.regularizers.Regularizer):
          def __call__(self, x):
              return 0.0

      """
    let script = KerasSession(kerasVersion: .keras3)
    script.scriptName = "script.py"
    let uncaught = script.run(source + "Reg().get_config()\n").error
    #expect(uncaught?.type == nil)
    #expect(
      uncaught?.message
        == "ConvBook does not print this NotImplementedError: its message shows `<__main__.Reg object at 0x...>`, a memory address, which changes from run to run"
    )
    let printed = script.run(
      "try:\n    Reg().get_config()\nexcept NotImplementedError as e:\n    print(e)\n"
    ).error
    #expect(
      printed?.message.hasPrefix("ConvBook does not print `<__main__.Reg object at 0x...>`") == true
    )
    let lesson = KerasSession(kerasVersion: .keras3).run(source + "Reg().get_config()\n").error
    #expect(lesson?.type == "NotImplementedError")
    let superText = script.run(
      "class A:\n    def f(self):\n        raise ValueError(repr(super()))\nA().f()\n"
    ).error
    #expect(superText?.type == "ValueError")
    #expect(superText?.message == "<super: <class 'A'>, <A object>>")
  }

  @Test func lessonsAndShownTextWithoutAddressesStillPrint() {
    let source = """
      class Q:
          def __str__(self):
              return "q"
      class P:
          pass
      print(Q(), f"{Q()}", "%s" % Q(), "{}".format(Q()), "{0.__class__.__name__}".format(P()))
      """
    let script = KerasSession()
    script.scriptName = "script.py"
    #expect(script.run(source).printed(footer: .modern) == "q q q q P\n")
    let lesson = KerasSession().run("class P:\n    pass\nprint(P())")
    #expect(lesson.error == nil)
    #expect(lesson.printed(footer: .modern) == "<__main__.P object>\n")
    // Python's own built-in functions have no address, in a script too.
    #expect(
      script.run("print(len, [print])").printed(footer: .modern)
        == "<built-in function len> [<built-in function print>]\n")
    let function = KerasSession().run("from tensorflow.keras.losses import mse\nprint(mse)")
    #expect(function.printed(footer: .modern) == "<function mean_squared_error>\n")
  }

  /// A recurrent layer with `return_state=True` called on data returns `[output, state]` in
  /// Keras; ConvBook refuses it as its own limitation (it once raised a made-up ValueError about
  /// Sequential models).
  @Test(arguments: [KerasVersion.keras2, .keras3])
  func recurrentLayerReturningStatesOnDataIsConvBooksLimitation(_ version: KerasVersion) {
    let result = KerasSession(kerasVersion: version).run(
      """
      import numpy as np
      from tensorflow import keras
      out, state = keras.layers.GRU(8, return_state=True)(np.zeros((6, 4, 3), "float32"))
      """)
    #expect(result.error?.type == nil)
    #expect(
      result.error?.message
        == "ConvBook does not support calling GRU on data when it returns several tensors (return_state=True) yet"
    )
  }

  /// A custom layer (or a Lambda) whose call() always draws `tf.random.normal(tf.shape(x))`:
  /// TensorFlow draws anew with its own generator on every call, even in a seeded script, so fit's
  /// progress, predictions and calls on data derive from ConvBook's own draws and are refused
  /// where printed; shapes and what does not depend on the draws still print.
  @Test(arguments: [KerasVersion.keras2, .keras3])
  func randomDrawsInAForwardPassAreOwnDraws(_ version: KerasVersion) {
    let model = """
      import numpy as np
      import tensorflow as tf
      from tensorflow import keras
      keras.utils.set_random_seed(1)
      class Noisy(keras.layers.Layer):
          def call(self, x):
              return x + tf.random.normal(tf.shape(x))
      x = np.linspace(0, 1, 24, dtype="float32").reshape(8, 3)
      y = np.ones((8, 1), "float32")
      """
    let layers = [
      "Noisy()", "keras.layers.Lambda(lambda t: t + tf.random.uniform(tf.shape(t)))",
    ]
    let refused: [(String, String)] = [
      (
        "net.fit(x, y, epochs=2, verbose=2)",
        "printing fit's progress would show losses and metrics of ConvBook's own random draws: the model draws random numbers in its forward pass"
      ),
      ("print(net.predict(x, verbose=0))", "printing these values"),
      ("print(net(x[:2]))", "printing these values"),
      ("h = net.fit(x, y, verbose=0)\nprint(h.history['loss'])", "printing these values"),
      ("print(net.evaluate(x, y, verbose=0))", "printing these values"),
    ]
    for layer in layers {
      let built =
        model + "\nnet = keras.Sequential([keras.Input((3,)), \(layer), keras.layers.Dense(1)])\n"
        + "net.compile(optimizer='sgd', loss='mse')\nprint('before', net.output_shape)"
      for (shown, refusal) in refused {
        let result = KerasSession(kerasVersion: version).run(built + "\n" + shown)
        #expect(result.error?.type == nil, "\(layer) \(shown)")
        #expect(
          result.error?.message.hasPrefix(refusal) == true,
          "\(layer) \(shown): \(String(describing: result.error))")
        #expect(result.printed().hasPrefix("before (None, 1)\n"), "\(shown)")
      }
      let independent = KerasSession(kerasVersion: version).run(
        built
          + "\nh = net.fit(x, y, epochs=2, verbose=0)\nprint(sorted(h.history), net.predict(x, verbose=0).shape)"
      )
      #expect(independent.error == nil, "\(String(describing: independent.error))")
      #expect(independent.printed() == "before (None, 1)\n['loss'] (8, 1)\n")
    }
  }

  /// A custom layer whose call() branches on `training` (noise added only while training): Keras'
  /// fit runs the training branch, ConvBook traced call() once with training=None, so fit's
  /// progress is refused by the layer's name rather than shown for the other branch.
  @Test func fitRefusesACustomLayerBranchingOnTraining() {
    let noisy = """
      import numpy as np
      import tensorflow as tf
      from tensorflow import keras
      class Noise(keras.layers.Layer):
          def call(self, x, training=None):
              if training:
                  return x + tf.random.normal(tf.shape(x))
              return x
      class Scale(keras.layers.Layer):
          def call(self, x, training=None):
              return x * 2.0 if training else x
      """
    let fit = """
      model.compile(loss="mse", optimizer="sgd")
      model.fit(np.ones((4, 3)), np.ones((4, 1)), verbose=2)
      """
    for layer in ["Noise", "Scale"] {
      let source =
        noisy
        + "\nmodel = keras.Sequential([keras.Input((3,)), \(layer)(), keras.layers.Dense(1)])\n"
        + fit
      let error = Self.error(source)
      #expect(error?.type == nil)
      #expect(
        error?.message
          == "ConvBook does not support fit of a model whose custom layer \(layer) branches on `training` in call() yet (ConvBook traced call() once with training=None; Keras' fit runs its training branch)"
      )
    }
    // Passing `training` on to a sublayer is no branch: the model trains.
    let passing = """
      import numpy as np
      from tensorflow import keras
      keras.utils.set_random_seed(1)
      class Block(keras.layers.Layer):
          def __init__(self):
              super().__init__()
              self.norm = keras.layers.BatchNormalization()
          def call(self, x, training=None):
              return self.norm(x, training=training)
      model = keras.Sequential([keras.Input((3,)), Block(), keras.layers.Dense(1)])
      """
    #expect(Self.error(passing + "\n" + fit) == nil)
  }

  /// matplotlib's drawing calls print nothing and are accepted; what they return is refused
  /// where a script prints it (its text shows an address or the figure's state), and so is a
  /// keyword or attribute ConvBook does not know.
  @Test(arguments: [
    ("print(plt.plot([1, 2]))", "ConvBook does not print matplotlib's Line2D object"),
    ("fig, ax = plt.subplots()\nprint(fig)", "ConvBook does not print matplotlib's Figure object"),
    (
      "fig, axes = plt.subplots(2, 2)\nprint(axes)",
      "ConvBook does not print matplotlib's ndarray of Axes"
    ),
    (
      "plt.plot([1], colour='r')",
      "ConvBook does not support matplotlib's plot(..., colour=...) yet"
    ),
    (
      "fig = plt.figure()\nfig.canvas", "ConvBook does not support matplotlib's `Figure.canvas` yet"
    ),
    ("plt.savefig(open)", "ConvBook supports matplotlib's savefig with a file name (a str) only"),
  ])
  func matplotlibObjectsAreRefusedWherePrinted(_ line: String, _ refusal: String) {
    let session = KerasSession()
    session.scriptName = "script.py"
    let drawn = "import matplotlib.pyplot as plt\nplt.figure(figsize=(4, 3))\nplt.show()\n"
    #expect(session.run(drawn).error == nil)
    let error = session.run(line + "\n").error
    #expect(error?.type == nil)
    #expect(error?.message.hasPrefix(refusal) == true)
  }

  /// Data that does not fit a model's several inputs: Keras' error depends on its version and the
  /// call (tf-keras raises it inside its traced function), so ConvBook refuses in its own words.
  @Test func dataNotFittingSeveralInputsIsConvBooksRefusal() {
    let error = Self.error(
      """
      import numpy as np
      from tensorflow import keras
      a = keras.Input((6,))
      b = keras.Input((6,))
      m = keras.Model([a, b], keras.layers.Dense(1)(keras.layers.concatenate([a, b])))
      m.predict(np.zeros((2, 6)))
      """)
    #expect(error?.type == nil)
    #expect(
      error?.message
        == "ConvBook does not reproduce Keras' error for a model with 2 inputs given `x` that is not a list of 2 arrays (or a dict keyed by 'input_layer', 'input_layer_1') yet"
    )
  }
}
