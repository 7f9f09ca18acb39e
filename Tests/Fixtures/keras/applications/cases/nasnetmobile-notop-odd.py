from tensorflow import keras

model = keras.applications.nasnet.NASNetMobile(include_top=False, weights=None, input_shape=(37, 33, 3), pooling="avg")
model.summary()
