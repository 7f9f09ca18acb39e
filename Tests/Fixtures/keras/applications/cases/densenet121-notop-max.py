from tensorflow import keras

model = keras.applications.densenet.DenseNet121(include_top=False, weights=None, input_shape=(33, 40, 3), pooling="max")
model.summary()
