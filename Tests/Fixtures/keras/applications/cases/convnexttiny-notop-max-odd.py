from tensorflow import keras

model = keras.applications.ConvNeXtTiny(include_top=False, weights=None, input_shape=(97, 131, 3), pooling="max")
print(model.output_shape, model.count_params(), len(model.layers))
