from tensorflow import keras

inputs = keras.Input(shape=(32, 32, 3))
x = keras.applications.efficientnet.preprocess_input(inputs)
print(x is inputs)
