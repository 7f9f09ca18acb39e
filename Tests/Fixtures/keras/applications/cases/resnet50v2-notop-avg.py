from tensorflow import keras

model = keras.applications.resnet_v2.ResNet50V2(include_top=False, weights=None, input_shape=(37, 41, 3), pooling="avg")
model.summary()
