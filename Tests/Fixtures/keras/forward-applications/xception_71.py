from tensorflow import keras

model = keras.applications.Xception(
    weights=None, input_shape=(71, 71, 3), classifier_activation=None
)
