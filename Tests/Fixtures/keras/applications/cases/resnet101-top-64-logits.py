from tensorflow import keras

model = keras.applications.ResNet101(weights=None, input_shape=(64, 64, 3), classes=5, classifier_activation=None)
model.summary()
