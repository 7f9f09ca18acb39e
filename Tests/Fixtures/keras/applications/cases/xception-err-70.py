from tensorflow import keras

model = keras.applications.Xception(include_top=False, weights=None, input_shape=(70, 71, 3))
