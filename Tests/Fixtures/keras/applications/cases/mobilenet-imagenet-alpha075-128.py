from tensorflow import keras

model = keras.applications.MobileNet(alpha=0.75, weights="imagenet", include_top=False, input_shape=(128, 128, 3), pooling="avg")
print(model.name, model.output_shape, model.count_params())
