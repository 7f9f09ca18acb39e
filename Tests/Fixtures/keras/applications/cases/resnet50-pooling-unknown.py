from tensorflow import keras

model = keras.applications.ResNet50(include_top=False, weights=None, input_shape=(64, 64, 3), pooling="min")
print(model.output_shape, model.layers[-1].name)
