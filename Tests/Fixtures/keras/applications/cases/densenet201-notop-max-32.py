from tensorflow import keras

model = keras.applications.DenseNet201(include_top=False, weights=None, input_shape=(32, 32, 3), pooling="max")
print(model.output_shape, model.count_params())
print([l.name for l in model.layers[-4:]])
