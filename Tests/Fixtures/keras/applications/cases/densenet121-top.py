from tensorflow import keras

model = keras.applications.DenseNet121(weights=None, input_shape=(32, 32, 3), classes=10)
model.summary()
