from tensorflow import keras

model = keras.applications.MobileNet(weights=None, input_shape=(35, 33, 3), alpha=0.5, dropout=0.3, classes=4, classifier_activation=None)
model.summary()
