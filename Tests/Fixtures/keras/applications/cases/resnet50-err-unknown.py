from tensorflow import keras

model = keras.applications.ResNet50(weights=None, include_top=False, input_shape=(64, 64, 3), width=2)
