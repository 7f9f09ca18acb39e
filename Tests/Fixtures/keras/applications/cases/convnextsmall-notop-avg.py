from tensorflow import keras

model = keras.applications.convnext.ConvNeXtSmall(include_top=False, weights=None, input_shape=(64, 48, 3), pooling="avg", include_preprocessing=False)
model.summary()
