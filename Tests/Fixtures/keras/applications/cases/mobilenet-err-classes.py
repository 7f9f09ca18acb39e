from tensorflow import keras

model = keras.applications.MobileNet(weights="imagenet", classes=10)
