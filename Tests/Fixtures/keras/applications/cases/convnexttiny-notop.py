from tensorflow import keras

model = keras.applications.ConvNeXtTiny(include_top=False, weights=None, input_shape=(32, 32, 3))
model.summary()
