from tensorflow import keras

model = keras.applications.VGG16(weights=None, input_shape=(48, 48, 3), classes=7, classifier_activation=None)
model.summary()
