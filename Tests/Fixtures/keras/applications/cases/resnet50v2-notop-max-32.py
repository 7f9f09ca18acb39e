from tensorflow import keras

model = keras.applications.ResNet50V2(include_top=False, weights=None, input_shape=(32, 32, 3), pooling="max")
model.summary()
