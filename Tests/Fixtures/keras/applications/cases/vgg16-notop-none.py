from tensorflow import keras

model = keras.applications.VGG16(include_top=False, weights=None, pooling="avg")
model.summary()
