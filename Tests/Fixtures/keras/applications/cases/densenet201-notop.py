from tensorflow import keras

model = keras.applications.DenseNet201(include_top=False, weights=None, input_shape=(32, 32, 3), pooling="avg")
model.summary()
