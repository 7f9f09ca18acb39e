from tensorflow import keras

model = keras.applications.InceptionV3(include_top=False, weights=None, input_shape=(74, 90, 3))
