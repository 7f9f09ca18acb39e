from tensorflow import keras

model = keras.applications.MobileNetV3Large(include_top=False, weights=None, input_shape=(40, 40, 3), minimalistic=True, include_preprocessing=False)
model.summary()
