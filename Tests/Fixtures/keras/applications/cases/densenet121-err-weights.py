from tensorflow import keras

model = keras.applications.DenseNet121(weights="pretrained", input_shape=(64, 64, 3))
