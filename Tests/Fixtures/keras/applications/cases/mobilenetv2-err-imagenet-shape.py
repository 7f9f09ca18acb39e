from tensorflow import keras

model = keras.applications.MobileNetV2(input_shape=(96, 96, 3))
