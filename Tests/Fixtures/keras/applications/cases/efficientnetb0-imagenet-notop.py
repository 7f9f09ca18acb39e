from tensorflow import keras

model = keras.applications.EfficientNetB0(include_top=False, input_shape=(32, 32, 3))
model.summary()
