from tensorflow import keras

model = keras.applications.EfficientNetB0(weights=None, drop_connect_rate=0.1)
