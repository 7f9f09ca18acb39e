from tensorflow import keras
model = keras.applications.MobileNetV3Small(weights=None, alpha=1e300)
