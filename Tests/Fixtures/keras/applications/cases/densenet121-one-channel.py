from tensorflow import keras

model = keras.applications.DenseNet121(include_top=False, weights=None, input_shape=(48, 48, 1))
print(model.output_shape, model.count_params())
