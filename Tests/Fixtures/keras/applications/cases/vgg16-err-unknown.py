from tensorflow import keras

model = keras.applications.VGG16(weights=None, alpha=1.0)
