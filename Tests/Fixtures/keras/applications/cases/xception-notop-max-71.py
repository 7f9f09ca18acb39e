from tensorflow import keras

model = keras.applications.Xception(include_top=False, weights=None, input_shape=(71, 71, 3), pooling="max")
model.summary()
