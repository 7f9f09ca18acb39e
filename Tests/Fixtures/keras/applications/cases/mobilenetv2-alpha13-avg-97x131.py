from tensorflow import keras

model = keras.applications.MobileNetV2(alpha=1.3, include_top=False, weights=None, input_shape=(97, 131, 3), pooling="avg")
model.summary()
