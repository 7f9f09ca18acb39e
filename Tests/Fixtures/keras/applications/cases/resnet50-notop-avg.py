from tensorflow import keras

model = keras.applications.resnet50.ResNet50(include_top=False, weights=None, input_shape=(64, 48, 3), pooling="avg")
model.summary()
