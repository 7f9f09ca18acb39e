# 3D image classification from CT scans (keras.io example style).
from tensorflow import keras
from tensorflow.keras import layers

width, height, depth = 128, 128, 64

model = keras.Sequential(name="3dcnn")
model.add(keras.Input((width, height, depth, 1)))
model.add(layers.Conv3D(filters=64, kernel_size=3, activation="relu"))
model.add(layers.MaxPool3D(pool_size=2))
model.add(layers.BatchNormalization())
model.add(layers.Conv3D(filters=64, kernel_size=3, activation="relu"))
model.add(layers.MaxPool3D(pool_size=2))
model.add(layers.BatchNormalization())
model.add(layers.Conv3D(filters=128, kernel_size=3, activation="relu"))
model.add(layers.MaxPool3D(pool_size=2))
model.add(layers.BatchNormalization())
model.add(layers.Conv3D(filters=256, kernel_size=3, activation="relu"))
model.add(layers.MaxPool3D(pool_size=2))
model.add(layers.BatchNormalization())
model.add(layers.GlobalAveragePooling3D())
model.add(layers.Dense(units=512, activation="relu"))
model.add(layers.Dropout(0.3))
model.add(layers.Dense(units=1, activation="sigmoid"))
model.summary()
print(model.count_params())
