from tensorflow import keras

model = keras.applications.ResNet50V2(weights="imagenet", classes=10)
