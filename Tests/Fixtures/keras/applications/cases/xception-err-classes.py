from tensorflow import keras

model = keras.applications.Xception(weights="imagenet", classes=10)
