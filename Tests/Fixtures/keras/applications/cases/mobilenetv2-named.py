from tensorflow import keras

model = keras.applications.MobileNetV2(weights=None, input_shape=(64, 64, 3), include_top=False, name="features")
model.summary()
