from tensorflow import keras

model = keras.applications.MobileNetV3Small(include_top=False, weights=None, input_shape=(16, 16, 3))
print(model.output_shape)
