from tensorflow import keras

model = keras.applications.ConvNeXtBase(include_top=False, weights=None, input_shape=(32, 32, 3))
print(model.output_shape, model.count_params())
