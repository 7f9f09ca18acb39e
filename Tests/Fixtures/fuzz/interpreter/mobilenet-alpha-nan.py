from tensorflow import keras
model = keras.applications.MobileNet(weights=None, alpha=float("nan"), input_shape=(224, 224, 3))
