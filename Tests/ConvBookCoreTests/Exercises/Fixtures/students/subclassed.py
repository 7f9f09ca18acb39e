from tensorflow import keras


class Slim(keras.Model):
    def __init__(self):
        super().__init__()
        self.pool = keras.layers.GlobalAveragePooling2D()
        self.head = keras.layers.Dense(10)

    def call(self, x):
        return self.head(self.pool(x))


model = Slim()
