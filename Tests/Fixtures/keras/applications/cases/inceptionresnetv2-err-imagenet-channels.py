from tensorflow import keras

model = keras.applications.InceptionResNetV2(include_top=False, weights="imagenet", input_shape=(96, 96, 1))
