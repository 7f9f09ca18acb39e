from tensorflow import keras

model = keras.applications.mobilenet.MobileNet(include_top=False, weights=None, input_shape=(40, 40, 3), depth_multiplier=2, pooling="avg")
model.summary()
