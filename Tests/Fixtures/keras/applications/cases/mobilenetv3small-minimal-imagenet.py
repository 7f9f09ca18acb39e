from tensorflow import keras

model = keras.applications.MobileNetV3Small(minimalistic=True, weights="imagenet", include_top=False, input_shape=(96, 96, 3))
print(model.name, model.output_shape, model.count_params(), len(model.layers))
