from tensorflow import keras

model = keras.applications.EfficientNetB0(weights="pretrained", input_shape=(64, 64, 3))
