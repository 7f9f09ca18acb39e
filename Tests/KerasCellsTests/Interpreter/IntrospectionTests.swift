import KerasCells
import Testing

/// Reading a model from cells: layers, shapes, weights, `get_layer`, and the calls tutorials make
/// that change nothing here (`compile`, regularizers, initializers). Expected texts are tf-keras
/// 2.21's output for the same cells.
@Suite struct IntrospectionTests {
  static let model = """
    model = keras.Sequential([
        keras.Input(shape=(8, 8, 3)),
        layers.Conv2D(4, 3, activation='relu', kernel_regularizer=keras.regularizers.l2(1e-4),
                      kernel_initializer=keras.initializers.HeNormal(), bias_initializer='zeros'),
        layers.BatchNormalization(),
        layers.Flatten(),
        layers.Dense(2, use_bias=False, kernel_regularizer='l2'),
    ])
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss='categorical_crossentropy', metrics=['accuracy'])

    """

  func run(_ source: String) -> (printed: String, error: CellError?) {
    let cells = CellRunner()
    cells.run(CellRunner.header)
    let setup = cells.run(Self.model)
    #expect(setup.error == nil, "\(String(describing: setup.error))")
    return cells.run(source)
  }

  @Test func loopOverLayers() {
    let (printed, error) = run(
      "for layer in model.layers:\n    print(layer.name, layer.output_shape)")
    #expect(error == nil)
    #expect(
      printed == """
        conv2d (None, 6, 6, 4)
        batch_normalization (None, 6, 6, 4)
        flatten (None, 144)
        dense (None, 2)

        """)
  }

  @Test func layersByIndexAndName() {
    let (printed, error) = run(
      """
      print(len(model.layers), model.layers[-1].name, model.layers[0].input_shape)
      print(model.get_layer('flatten').output_shape, model.get_layer(index=1).name)
      print(model.get_layer('dense').count_params(), model.count_params())
      """)
    #expect(error == nil)
    #expect(printed == "4 dense (None, 8, 8, 3)\n(None, 144) batch_normalization\n288 416\n")
  }

  @Test func missingLayerIsKerasValueError() {
    let (_, error) = run("model.get_layer('conv5')")
    #expect(error?.type == "ValueError")
    #expect(
      error?.message
        == "No such layer: conv5. Existing layers are: ['conv2d', 'batch_normalization', 'flatten', 'dense']."
    )
  }

  @Test func weights() {
    let (printed, error) = run(
      """
      conv = model.layers[0]
      print(conv.kernel.shape, conv.kernel.name, conv.bias.shape)
      print(model.layers[-1].bias, len(model.layers[1].trainable_weights), len(model.layers[1].non_trainable_weights))
      print([w.name for w in model.weights])
      model.layers[0].trainable = False
      print([w.name for w in model.trainable_weights])
      print(hasattr(conv, 'kernel'), hasattr(layers.Dense(1), 'kernel'), hasattr(model, 'inputs'))
      """)
    #expect(error == nil, "\(String(describing: error))")
    #expect(
      printed == """
        (3, 3, 3, 4) conv2d/kernel:0 (4,)
        None 2 2
        ['conv2d/kernel:0', 'conv2d/bias:0', 'batch_normalization/gamma:0', 'batch_normalization/beta:0', 'batch_normalization/moving_mean:0', 'batch_normalization/moving_variance:0', 'dense/kernel:0']
        ['batch_normalization/gamma:0', 'batch_normalization/beta:0', 'dense/kernel:0']
        True False True

        """)
  }

  @Test func inputsAndOutputs() {
    let (printed, error) = run("print(model.inputs, model.outputs[0].shape, model.input.name)")
    #expect(error == nil)
    #expect(
      printed
        == "[<KerasTensor: shape=(None, 8, 8, 3) dtype=float32 (created by layer 'input_1')>] (None, 2) input_1\n"
    )
  }

  @Test func formatSpecs() {
    let (printed, error) = run(
      """
      n = model.count_params()
      print(f"{n:,} {n:_} {n:>8} {n:<6}| {0.25:.1%} {1234.5:,.2f} {'x':^5}|")
      print("{} has {:,} parameters".format(model.name, n * 1000))
      """)
    #expect(error == nil)
    #expect(
      printed
        == "416 416      416 416   | 25.0% 1,234.50   x  |\nsequential has 416,000 parameters\n")
  }

  @Test func versionAndDatasetsImport() {
    let (printed, error) = run(
      """
      import tensorflow as tf
      from tensorflow.keras import datasets
      from tensorflow.keras.datasets import mnist
      print(tf.__version__, tf.optimizers.SGD(learning_rate=0.01) is not None)
      """)
    #expect(error == nil)
    #expect(printed == "2.21.0 True\n")
    // tf-keras 2.21's `tf.keras` has no `__version__` (measured with the reference venv); after
    // the header's `from tensorflow.keras import layers`, `tf.keras` is the module TensorFlow
    // registered under that path, named `tensorflow.keras`.
    let (_, versionError) = run("import tensorflow as tf\nprint(tf.keras.__version__)")
    #expect(
      versionError?.description.contains(
        "AttributeError: module 'tensorflow.keras' has no attribute '__version__'") == true)
  }
}
