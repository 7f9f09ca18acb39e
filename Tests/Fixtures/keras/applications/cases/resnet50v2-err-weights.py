from tensorflow import keras

model = keras.applications.ResNet50V2(weights="pretrained", input_shape=(64, 64, 3))
