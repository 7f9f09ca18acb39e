from tensorflow import keras

model = keras.applications.NASNetMobile(weights=None, input_shape=(64, 64, 3), classes=3, classifier_activation=None)
print(model.output_shape, model.count_params(), len(model.layers))
