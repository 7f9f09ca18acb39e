from tensorflow import keras

model = keras.applications.EfficientNetB3(weights="imagenet", input_shape=(128, 128, 3))
