from tensorflow import keras

model = keras.applications.DenseNet121(include_top=False, weights=None, input_shape=(32, 31, 3))
