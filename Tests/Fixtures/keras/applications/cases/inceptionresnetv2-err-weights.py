from tensorflow import keras

model = keras.applications.InceptionResNetV2(weights="pretrained", input_shape=(64, 64, 3))
