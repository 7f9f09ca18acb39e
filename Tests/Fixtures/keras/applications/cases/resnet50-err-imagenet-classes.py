from tensorflow import keras

model = keras.applications.ResNet50(weights="imagenet", classes=10)
