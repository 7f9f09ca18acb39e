from tensorflow import keras

model = keras.applications.Xception(weights=None, input_shape=(99, 101, 3), classes=6, classifier_activation=None)
print(model.output_shape, model.count_params())
print(model.get_layer("block14_sepconv2_act").output_shape)
