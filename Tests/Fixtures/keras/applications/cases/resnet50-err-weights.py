from tensorflow import keras

model = keras.applications.ResNet50(weights="pretrained", input_shape=(64, 64, 3))
