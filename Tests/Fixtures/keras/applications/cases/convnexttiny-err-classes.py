from tensorflow import keras

model = keras.applications.ConvNeXtTiny(weights="imagenet", classes=10)
