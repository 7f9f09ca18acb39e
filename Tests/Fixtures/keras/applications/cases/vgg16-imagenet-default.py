from tensorflow import keras

model = keras.applications.VGG16()
model.summary()
