from tensorflow import keras

model = keras.applications.MobileNetV2(classes=10)
