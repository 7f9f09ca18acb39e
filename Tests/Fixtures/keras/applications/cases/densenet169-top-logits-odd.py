from tensorflow import keras

model = keras.applications.DenseNet169(weights=None, input_shape=(97, 131, 3), classes=4, classifier_activation=None)
print(model.output_shape, model.count_params(), len(model.layers))
