from tensorflow import keras

model = keras.applications.vgg16.VGG16(include_top=False, weights=None, input_shape=(48, 64, 3))
model.summary()
