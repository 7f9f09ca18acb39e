from tensorflow import keras

model = keras.applications.efficientnet.EfficientNetB0(include_top=False, weights=None, input_shape=(48, 40, 3), pooling="avg")
model.summary()
