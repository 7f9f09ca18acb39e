from tensorflow import keras

model = keras.applications.ResNet50V2(include_top=False, weights=None)
print(model.input_shape, model.output_shape)
print(model.get_layer("conv3_block1_out").output_shape)
