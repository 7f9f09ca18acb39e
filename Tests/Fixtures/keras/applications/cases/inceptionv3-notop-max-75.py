from tensorflow import keras

model = keras.applications.InceptionV3(include_top=False, weights=None, input_shape=(75, 75, 3), pooling="max")
model.summary()
