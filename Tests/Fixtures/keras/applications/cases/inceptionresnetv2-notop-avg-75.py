from tensorflow import keras

model = keras.applications.InceptionResNetV2(include_top=False, weights=None, input_shape=(75, 75, 3), pooling="avg")
print(model.output_shape, model.count_params(), len(model.layers))
print(model.get_layer("mixed_7a").output_shape)
