from tensorflow import keras

model = keras.applications.ConvNeXtTiny(
    weights=None, input_shape=(64, 64, 3), classifier_activation=None
)
