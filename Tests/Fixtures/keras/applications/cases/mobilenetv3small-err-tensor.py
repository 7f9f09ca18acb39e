from tensorflow import keras

inputs = keras.Input(shape=(48, 48, 3))
model = keras.applications.MobileNetV3Small(input_tensor=inputs, input_shape=(64, 64, 3), weights=None)
