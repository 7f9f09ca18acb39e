from tensorflow import keras

model = keras.applications.MobileNet(weights=None, input_shape=(32, 32, 3), alpha=0.25)
model.summary()
