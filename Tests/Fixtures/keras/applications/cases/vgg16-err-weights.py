from tensorflow import keras

model = keras.applications.VGG16(weights="pretrained", input_shape=(64, 64, 3))
