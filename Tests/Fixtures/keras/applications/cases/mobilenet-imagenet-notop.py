from tensorflow import keras

model = keras.applications.MobileNet(include_top=False, input_shape=(64, 64, 3))
model.summary()
