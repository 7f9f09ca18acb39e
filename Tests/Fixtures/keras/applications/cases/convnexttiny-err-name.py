from tensorflow import keras

model = keras.applications.ConvNeXtTiny(include_top=False, input_shape=(64, 64, 3), name="backbone")
