from tensorflow import keras

model = keras.applications.MobileNetV2(input_shape=(16, 16, 3), weights=None, include_top=False)
