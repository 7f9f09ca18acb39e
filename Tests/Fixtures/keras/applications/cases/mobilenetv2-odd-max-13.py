from tensorflow import keras

model = keras.applications.mobilenet_v2.MobileNetV2(input_shape=(33, 35, 3), alpha=1.3, include_top=False, weights=None, pooling="max")
model.summary()
