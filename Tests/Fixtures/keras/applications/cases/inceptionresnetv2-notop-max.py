from tensorflow import keras

model = keras.applications.inception_resnet_v2.InceptionResNetV2(include_top=False, weights=None, input_shape=(80, 76, 3), pooling="max")
model.summary()
