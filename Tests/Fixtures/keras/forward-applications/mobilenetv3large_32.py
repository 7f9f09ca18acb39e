from tensorflow import keras

model = keras.applications.MobileNetV3Large(
    weights=None, input_shape=(32, 32, 3), classifier_activation=None
)
