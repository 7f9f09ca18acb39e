from tensorflow import keras

model = keras.applications.NASNetMobile(input_shape=(None, None, 3), include_top=False)
