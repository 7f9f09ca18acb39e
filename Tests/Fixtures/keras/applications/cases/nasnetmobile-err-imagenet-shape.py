from tensorflow import keras

model = keras.applications.NASNetMobile(weights="imagenet", input_shape=(96, 96, 3))
