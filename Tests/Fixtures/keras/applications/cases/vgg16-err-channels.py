from tensorflow import keras

model = keras.applications.VGG16(include_top=False, input_shape=(32, 32, 1))
