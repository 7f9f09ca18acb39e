from tensorflow import keras

model = keras.applications.InceptionResNetV2(weights="imagenet", classes=10)
