from tensorflow import keras

inputs = keras.Input(shape=(48, 48, 3))
model = keras.applications.MobileNetV2(input_tensor=inputs, weights=None, classes=10, classifier_activation=None, alpha=0.5)
model.summary()
