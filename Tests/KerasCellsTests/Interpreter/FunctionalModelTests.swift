import KerasCells
import Testing

/// `keras.Model(inputs, outputs)` over one chain of layers; expected texts are tf-keras 2.21's.
@Suite struct FunctionalModelTests {
  @Test func chainBecomesAModelListingItsInputLayer() {
    let cells = CellRunner()
    cells.run(CellRunner.header)
    let (printed, error) = cells.run(
      """
      inputs = keras.Input(shape=(28, 28, 1), name='img')
      x = layers.Conv2D(8, 3, activation='relu')(inputs)
      x = layers.MaxPooling2D()(x)
      outputs = layers.Dense(10)(layers.Flatten()(x))
      model = keras.Model(inputs=inputs, outputs=outputs)
      print(model.name, len(model.layers), model.layers[0].name, model.layers[0].output_shape, model.layers[0].input_shape)
      print(x.shape, model.input_shape, model.output_shape, model.count_params())
      print([l.name for l in model.layers])
      """)
    #expect(error == nil, "\(String(describing: error))")
    #expect(
      printed == """
        model 5 img [(None, 28, 28, 1)] [(None, 28, 28, 1)]
        (None, 13, 13, 8) (None, 28, 28, 1) (None, 10) 13610
        ['img', 'conv2d', 'max_pooling2d', 'flatten', 'dense']

        """)
    let add = cells.run("model.add(layers.Dense(1))").error
    #expect(add?.type == "AttributeError")
    #expect(add?.message == "'Functional' object has no attribute 'add'")
  }

  @Test func sequentialTensorsMakeAFunctionalModel() {
    let cells = CellRunner()
    cells.run(CellRunner.header)
    let (printed, error) = cells.run(
      """
      seq = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(3), layers.Dense(2)])
      m2 = keras.Model(seq.input, seq.output)
      m2.summary()
      print(m2.layers[0].name, [l.name for l in m2.layers])
      """)
    #expect(error == nil, "\(String(describing: error))")
    #expect(
      printed == """
        Model: "model"
        _________________________________________________________________
         Layer (type)                Output Shape              Param #   
        =================================================================
         input_1 (InputLayer)        [(None, 4)]               0         
                                                                         
         dense (Dense)               (None, 3)                 15        
                                                                         
         dense_1 (Dense)             (None, 2)                 8         
                                                                         
        =================================================================
        Total params: 23 (92.00 Byte)
        Trainable params: 23 (92.00 Byte)
        Non-trainable params: 0 (0.00 Byte)
        _________________________________________________________________
        input_1 ['input_1', 'dense', 'dense_1']

        """)
  }

  @Test func disconnectedGraphIsRefusedAfterNaming() {
    let cells = CellRunner()
    cells.run(CellRunner.header)
    cells.run("a = keras.Input(shape=(3,))\nb = keras.Input(shape=(3,))")
    let error = cells.run("m = keras.Model(a, layers.Dense(2)(b))").error
    #expect(error?.type == "ValueError")
    #expect(
      error?.message
        == "Graph disconnected: cannot obtain value for tensor KerasTensor(type_spec=TensorSpec(shape=(None, 3), dtype=tf.float32, name='input_2'), name='input_2', description=\"created by layer 'input_2'\") at layer \"dense\". The following previous layers were accessed without issue: []"
    )
    #expect(cells.run("print(keras.Model(a, layers.Dense(2)(a)).name)").printed == "model_1\n")
  }

  @Test func duplicateLayerNamesAreRefused() {
    let cells = CellRunner()
    cells.run(CellRunner.header)
    let error = cells.run(
      "a = keras.Input(shape=(3,))\nm = keras.Model(a, layers.Dense(2, name='x')(layers.Dense(2, name='x')(a)))"
    ).error
    #expect(
      error?.message
        == "The name \"x\" is used 2 times in the model. All layer names should be unique.")
  }
}
