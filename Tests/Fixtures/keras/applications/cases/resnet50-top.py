from tensorflow import keras

model = keras.applications.ResNet50(weights=None, input_shape=(32, 32, 3))
model.summary()
