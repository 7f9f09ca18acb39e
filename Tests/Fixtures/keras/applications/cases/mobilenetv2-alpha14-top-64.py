from tensorflow import keras

model = keras.applications.MobileNetV2(alpha=1.4, weights=None, input_shape=(64, 64, 3), classes=3)
print(model.name, model.output_shape, model.count_params())
print(model.get_layer("Conv_1").output_shape)
