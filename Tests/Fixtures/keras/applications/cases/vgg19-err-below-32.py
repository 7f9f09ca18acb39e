from tensorflow import keras

model = keras.applications.VGG19(include_top=False, weights=None, input_shape=(31, 40, 3))
