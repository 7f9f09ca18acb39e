from tensorflow import keras

model = keras.applications.EfficientNetB1(weights=None, input_shape=(97, 131, 3), classes=5, classifier_activation=None)
print(model.output_shape, model.count_params(), len(model.layers))
print(model.get_layer("top_conv").output_shape)
