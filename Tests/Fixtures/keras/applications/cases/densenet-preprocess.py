from tensorflow import keras

inputs = keras.Input(shape=(32, 32, 3))
x = keras.applications.densenet.preprocess_input(inputs)
model = keras.Model(inputs, x)
model.summary()
