from tensorflow import keras

model = keras.applications.MobileNet(alpha=0.3, include_top=False, input_shape=(64, 64, 3))
