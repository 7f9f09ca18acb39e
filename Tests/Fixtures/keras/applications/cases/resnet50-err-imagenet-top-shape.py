from tensorflow import keras

model = keras.applications.ResNet50(weights="imagenet", input_shape=(128, 128, 3))
