from tensorflow import keras

model = keras.applications.ResNet50V2(
    weights=None, input_shape=(32, 32, 3), classifier_activation=None
)
