from tensorflow import keras

model = keras.applications.VGG19(include_top=False, weights=None, input_shape=(97, 131, 3), pooling="avg")
model.summary()
