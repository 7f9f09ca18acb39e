from tensorflow import keras

inputs = keras.Input(shape=(64, 64, 3), name="tiles")
model = keras.applications.EfficientNetB4(input_tensor=inputs, include_top=False, weights=None, pooling="avg")
print(model.name, model.output_shape, model.count_params())
