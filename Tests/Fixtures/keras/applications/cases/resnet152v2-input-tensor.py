from tensorflow import keras

inputs = keras.Input(shape=(80, 80, 3), name="frames")
model = keras.applications.ResNet152V2(include_top=False, weights=None, input_tensor=inputs)
print(model.input_shape, model.output_shape, model.count_params())
print(model.layers[0].name, model.layers[1].name)
