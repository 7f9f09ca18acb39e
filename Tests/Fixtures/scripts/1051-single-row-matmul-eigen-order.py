# A MatMul of one row (predict or a call on one sample, and every step of a recurrent layer fed a
# batch of one) is Eigen's matrix-vector product in TensorFlow: each product rounded, then added
# in order, in blocks of 16 once there are 128 inputs or more. Its last digits show that order.
import numpy as np
import keras

np.set_printoptions(precision=9)


def waves(shape, phase):
    count = int(np.prod(shape))
    return (0.6 * np.sin(np.arange(count) * 0.7 + phase)).reshape(shape).astype("float32")


sequence = np.sin(np.arange(12, dtype="float32") / 3.0).reshape(1, 4, 3)
for phase, layer in enumerate([keras.layers.SimpleRNN(6), keras.layers.GRU(5),
                               keras.layers.LSTM(5, return_sequences=True)]):
    model = keras.Sequential([keras.Input((4, 3)), layer])
    layer.set_weights([waves(w.shape, phase + index) for index, w in enumerate(layer.get_weights())])
    print(type(layer).__name__, model.predict(sequence, verbose=0))

for inputs, units in [(3, 5), (40, 12), (130, 4), (300, 9)]:
    net = keras.Sequential([keras.Input((inputs,)), keras.layers.Dense(units, activation="tanh"),
                            keras.layers.Dense(2)])
    net.set_weights([waves(w.shape, index + inputs) for index, w in enumerate(net.get_weights())])
    sample = np.cos(np.arange(inputs, dtype="float32")).reshape(1, inputs)
    print(inputs, units, net.predict(sample, verbose=0), np.asarray(net.layers[0](sample))[0, :3])
