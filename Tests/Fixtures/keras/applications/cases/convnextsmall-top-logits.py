from tensorflow import keras

model = keras.applications.ConvNeXtSmall(weights=None, input_shape=(64, 64, 3), classes=10, classifier_activation=None, include_preprocessing=False)
print(model.output_shape, model.count_params(), len(model.layers))
print([l.name for l in model.layers[-3:]])
