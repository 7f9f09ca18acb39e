from tensorflow import keras

model = keras.applications.VGG16(weights="imagenet", classes=10)
