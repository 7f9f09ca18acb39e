from tensorflow import keras

model = keras.applications.inception_v3.InceptionV3(include_top=False, weights=None, input_shape=(80, 99, 3), pooling="avg")
model.summary()
