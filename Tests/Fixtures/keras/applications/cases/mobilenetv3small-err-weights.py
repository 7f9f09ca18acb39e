from tensorflow import keras

model = keras.applications.MobileNetV3Small(weights="pretrained", input_shape=(64, 64, 3))
