from tensorflow import keras

inputs = keras.Input(shape=(48, 48, 3))
model = keras.applications.ConvNeXtTiny(input_tensor=inputs, include_top=False, weights=None)
model.summary()
