from tensorflow import keras

model = keras.applications.MobileNet(alpha=0.3, weights="imagenet", include_top=False, input_shape=(128, 128, 3))
