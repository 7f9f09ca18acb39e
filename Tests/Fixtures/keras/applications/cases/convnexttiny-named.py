from tensorflow import keras

model = keras.applications.ConvNeXtTiny(weights=None, include_top=False, input_shape=(64, 64, 3), name="my_convnext")
model.summary()
