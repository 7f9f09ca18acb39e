from tensorflow import keras

model = keras.applications.MobileNetV2(input_shape=(32, 32), weights=None, include_top=False)
