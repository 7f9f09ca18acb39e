from tensorflow import keras

model = keras.applications.InceptionV3(weights="imagenet", classes=10)
