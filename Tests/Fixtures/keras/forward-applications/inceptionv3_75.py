from tensorflow import keras

model = keras.applications.InceptionV3(
    weights=None, input_shape=(75, 75, 3), classifier_activation=None
)
