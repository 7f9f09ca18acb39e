from tensorflow import keras

model = keras.applications.DenseNet169(include_top=False, weights=None, input_shape=(32, 32, 3))
model.summary()
