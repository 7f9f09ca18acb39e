from tensorflow import keras

model = keras.applications.EfficientNetB0(weights="imagenet", classes=10)
