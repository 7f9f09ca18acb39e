from tensorflow import keras

model = keras.applications.MobileNet(weights="pretrained", input_shape=(64, 64, 3))
