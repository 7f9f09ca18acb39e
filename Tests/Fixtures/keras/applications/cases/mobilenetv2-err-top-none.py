from tensorflow import keras

model = keras.applications.MobileNetV2(input_shape=(None, None, 3), weights=None)
