from tensorflow import keras

model = keras.applications.MobileNetV3Small(include_top=False, weights=None, input_shape=(48, 48, 3), alpha=0.75, pooling="avg")
model.summary()
