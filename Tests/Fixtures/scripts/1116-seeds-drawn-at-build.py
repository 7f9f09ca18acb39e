# tf-keras draws the seed of an initializer that was given none the first time the initializer
# runs, which is when its layer is built; Keras 3 draws it when the layer is made. A layer made
# before another but built after it (a head made first and put last, a subclassed model whose
# __init__ makes its layers in another order than call uses them, an RNN's cell) therefore
# starts from other weights in the two Kerases.
import numpy as np
from tensorflow import keras

keras.utils.set_random_seed(5)
head = keras.layers.Dense(1)
model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(3, activation="tanh"), head])
print([w.round(6).tolist() for w in model.get_weights()[::2]])


class Reordered(keras.Model):
    def __init__(self):
        super().__init__()
        self.last = keras.layers.Dense(2)
        self.first = keras.layers.Dense(4, activation="relu")

    def call(self, inputs):
        return self.last(self.first(inputs))


keras.utils.set_random_seed(6)
reordered = Reordered()
x = np.linspace(-1.0, 1.0, 15, dtype="float32").reshape(5, 3)
print(reordered(x).numpy().round(6).tolist())
print(reordered.first.kernel.numpy().round(6).tolist())

keras.utils.set_random_seed(7)
unused = keras.layers.Dense(5)
inputs = keras.Input((3,))
outputs = keras.layers.Dense(2)(inputs)
functional = keras.Model(inputs, outputs)
print(functional.get_weights()[0].round(6).tolist())
print(unused.built)

keras.utils.set_random_seed(8)
cell = keras.layers.SimpleRNNCell(2)
dense = keras.layers.Dense(2)
seq_in = keras.Input((4, 3))
rnn_out = keras.layers.RNN(cell)(seq_in)
rnn_model = keras.Model(seq_in, dense(rnn_out))
print([w.round(6).tolist() for w in rnn_model.get_weights()[:2]])
print(rnn_model.get_weights()[3].round(6).tolist())

keras.utils.set_random_seed(9)
made_first = keras.layers.Dense(3)
made_second = keras.layers.Dense(3)
net = keras.Sequential([keras.Input((3,)), made_second, made_first])
net.compile(optimizer=keras.optimizers.SGD(0.1), loss="mse")
history = net.fit(x, x[:, ::-1], epochs=2, batch_size=5, verbose=0)
print([round(float(v), 6) for v in history.history["loss"]])
