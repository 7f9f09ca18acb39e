from tensorflow import keras

model = keras.applications.MobileNetV3Small(weights="imagenet", classes=10)
