from tensorflow import keras

model = keras.applications.MobileNetV2(weights=None, input_shape=(32, 32, 3), alpha=0.35)
model.summary()
