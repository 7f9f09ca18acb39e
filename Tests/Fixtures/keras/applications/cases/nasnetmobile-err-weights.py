from tensorflow import keras

model = keras.applications.NASNetMobile(weights="pretrained", input_shape=(64, 64, 3))
