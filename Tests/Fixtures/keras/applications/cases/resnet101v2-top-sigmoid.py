from tensorflow import keras

model = keras.applications.ResNet101V2(weights=None, input_shape=(64, 64, 3), classes=3, classifier_activation="sigmoid")
print(model.output_shape, model.count_params())
print(model.layers[-1].name, model.layers[-2].name)
