from tensorflow import keras

model = keras.applications.MobileNetV3Large(weights=None, input_shape=(64, 64, 3), classes=7, dropout_rate=0.5, classifier_activation=None, include_preprocessing=False)
model.summary()
