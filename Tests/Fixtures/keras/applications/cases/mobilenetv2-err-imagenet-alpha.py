from tensorflow import keras

model = keras.applications.MobileNetV2(alpha=0.6, weights="imagenet", include_top=False, input_shape=(96, 96, 3))
