from tensorflow import keras

model = keras.applications.MobileNetV2(alpha=0.6, include_top=False, input_shape=(32, 32, 3))
