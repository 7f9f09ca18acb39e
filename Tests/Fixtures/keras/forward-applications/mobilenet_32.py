from tensorflow import keras

model = keras.applications.MobileNet(
    weights=None, input_shape=(32, 32, 3), classifier_activation=None
)
