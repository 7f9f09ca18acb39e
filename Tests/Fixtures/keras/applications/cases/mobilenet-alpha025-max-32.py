from tensorflow import keras

model = keras.applications.MobileNet(alpha=0.25, include_top=False, weights=None, input_shape=(32, 32, 3), pooling="max")
model.summary()
