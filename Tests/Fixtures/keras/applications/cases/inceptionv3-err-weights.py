from tensorflow import keras

model = keras.applications.InceptionV3(weights="pretrained", input_shape=(64, 64, 3))
