from tensorflow import keras

model = keras.applications.MobileNetV3Small(alpha=0.75, include_top=False, weights=None, input_shape=(97, 131, 3), pooling="max")
model.summary()
