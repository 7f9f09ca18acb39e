from tensorflow import keras

model = keras.applications.MobileNet(depth_multiplier=2, weights="imagenet")
