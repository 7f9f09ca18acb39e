from tensorflow import keras

model = keras.applications.VGG16(weights=None, include_top=False, input_shape=(32, 32, 3), name="backbone")
model.summary()
