from tensorflow import keras

model = keras.applications.InceptionV3(weights=None, input_shape=(97, 131, 3), classes=3, classifier_activation=None)
print(model.output_shape, model.count_params())
print(model.get_layer("mixed10").output_shape)
