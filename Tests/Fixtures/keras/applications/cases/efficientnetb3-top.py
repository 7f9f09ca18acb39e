from tensorflow import keras

model = keras.applications.EfficientNetB3(weights=None, input_shape=(32, 32, 3), classes=3)
model.summary()
