from tensorflow import keras

model = keras.applications.NASNetLarge(include_top=False, weights=None, input_shape=(64, 64, 3), pooling="avg")
print(model.output_shape, model.count_params(), len(model.layers))
