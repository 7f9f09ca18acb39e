from tensorflow import keras


class Slim(keras.Model):
    def __init__(self):
        inputs = keras.Input(shape=(32, 32, 3))
        outputs = keras.layers.Dense(10)(keras.layers.GlobalAveragePooling2D()(inputs))
        super().__init__(inputs, outputs)


model = Slim()
