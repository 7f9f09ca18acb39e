from tensorflow import keras

inputs = keras.Input(shape=(32, 32, 3))
x = keras.applications.imagenet_utils.preprocess_input(inputs, mode="tf")
model = keras.Model(inputs, x)
model.summary()
