from tensorflow import keras

inputs = keras.Input(shape=(32, 32, 3))
x = keras.applications.vgg16.preprocess_input(inputs)
x = keras.applications.VGG16(include_top=False, weights=None, input_shape=(32, 32, 3))(x)
model = keras.Model(inputs, x)
model.summary()
