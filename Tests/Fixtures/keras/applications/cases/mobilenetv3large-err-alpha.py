from tensorflow import keras

model = keras.applications.MobileNetV3Large(alpha=0.5, include_top=False, input_shape=(64, 64, 3))
