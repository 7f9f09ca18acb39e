from tensorflow import keras

model = keras.applications.resnet.ResNet152(weights=None, input_shape=(32, 32, 3), classes=5)
model.summary()
