import keras
import numpy as np
from keras import layers

class Scale(layers.Layer):
    def __init__(self, factor, **kwargs):
        super().__init__(**kwargs)
        self.factor = factor
    def call(self, inputs):
        return inputs * self.factor

class Tiny(keras.Model):
    def __init__(self):
        super().__init__()
        self.embed = layers.Embedding(10, 4)
        self.pool = layers.GlobalAveragePooling1D()
        self.out = layers.Dense(1)
    def call(self, x):
        return self.out(self.pool(self.embed(x)))

model = Tiny()
model.compile(optimizer="adam", loss="mse")
model.fit(np.array([[1, 2, 3], [4, 5, 6]]), np.array([[1.0], [0.0]]), epochs=2, verbose=0)
print(model(np.array([[1, 2, 3]])).shape, Scale(2.0)(np.ones((1, 2))))
m = keras.Sequential([keras.Input((4, 4, 1)), layers.ZeroPadding2D(1), layers.Cropping2D(1),
    layers.UpSampling2D(2), layers.Conv2D(2, 3)])
print(m.predict(np.ones((1, 4, 4, 1)), verbose=0).shape)
m.summary()
