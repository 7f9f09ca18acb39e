from tensorflow import keras

model = keras.applications.Xception(weights=None, input_shape=(71, 71, 3), classes=10)
model.summary()
