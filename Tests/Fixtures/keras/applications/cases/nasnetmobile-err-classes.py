from tensorflow import keras

model = keras.applications.NASNetMobile(weights="imagenet", classes=10)
