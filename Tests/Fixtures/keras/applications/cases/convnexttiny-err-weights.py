from tensorflow import keras

model = keras.applications.ConvNeXtTiny(weights="pretrained", input_shape=(64, 64, 3))
