from tensorflow import keras

inputs = keras.Input(shape=(64, 64, 3))
scaled = keras.layers.Rescaling(1.0 / 255)(inputs)
model = keras.applications.DenseNet121(input_tensor=scaled, include_top=False, weights=None, pooling="avg")
print(model.input_shape, model.output_shape)
print([l.name for l in model.layers[:4]])
print(len(model.layers), model.count_params())
