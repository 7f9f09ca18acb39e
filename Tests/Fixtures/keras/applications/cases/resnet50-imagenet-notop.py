from tensorflow import keras

model = keras.applications.ResNet50(include_top=False, input_shape=(40, 40, 3), pooling="max")
model.summary()
