from tensorflow import keras

model = keras.applications.DenseNet121(weights="imagenet", classes=10)
