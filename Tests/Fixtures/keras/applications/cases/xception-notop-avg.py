from tensorflow import keras

model = keras.applications.xception.Xception(include_top=False, weights=None, input_shape=(80, 75, 3), pooling="avg")
model.summary()
