from tensorflow import keras

model = keras.applications.VGG19(weights=None, input_shape=(32, 32, 1), classes=2, classifier_activation="sigmoid")
model.summary()
