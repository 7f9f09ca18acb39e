from tensorflow import keras

model = keras.applications.MobileNet(depth_multiplier=2, weights=None, input_shape=(64, 64, 3), classes=4)
model.summary()
