from tensorflow import keras

model = keras.applications.Xception(weights="pretrained", input_shape=(64, 64, 3))
