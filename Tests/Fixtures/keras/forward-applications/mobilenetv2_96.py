from tensorflow import keras

model = keras.applications.MobileNetV2(
    weights=None, input_shape=(96, 96, 3), classifier_activation=None
)
