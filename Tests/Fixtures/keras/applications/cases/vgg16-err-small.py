from tensorflow import keras

model = keras.applications.VGG16(include_top=False, weights=None, input_shape=(16, 16, 3))
