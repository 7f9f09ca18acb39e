from tensorflow import keras

model = keras.applications.MobileNetV3Small(weights=None, input_shape=(32, 32, 3), classes=10)
model.summary()
