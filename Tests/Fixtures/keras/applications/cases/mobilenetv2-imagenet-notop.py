from tensorflow import keras

model = keras.applications.MobileNetV2(input_shape=(64, 64, 3), include_top=False)
model.summary()
