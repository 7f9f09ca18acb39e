import numpy as np
import keras
from keras import layers

# Keras 3's activation formulas: hard_sigmoid is relu6(x + 3) / 6 (tf-keras: clip(0.2x + 0.5)),
# and the functions only Keras 3 has.
n = np.arange(24 * 8).reshape(24, 8)
x = ((n * 7) - ((n * 7) // 17) * 17 - 8).astype("float32") / 2.0
names = ["hard_sigmoid", "hard_silu", "hard_swish", "relu6", "leaky_relu", "gelu", "selu",
         "softplus", "silu", "swish", "elu", "celu", "hard_tanh", "hard_shrink", "soft_shrink",
         "sparse_plus", "sparse_sigmoid", "squareplus", "tanh_shrink", "log_sigmoid"]
for name in names:
    probe = keras.Sequential([keras.Input(shape=(8,)), layers.Activation(name)])
    print(name, [round(float(v), 5) for v in probe.predict(x[:2], verbose=0)[1]])

y = (x[:, :1] * 0.25 - x[:, 1:2] * 0.5 + 0.1).astype("float32")
for name in ["hard_sigmoid", "hard_silu", "celu", "hard_tanh", "soft_shrink", "sparse_plus",
             "squareplus", "tanh_shrink", "log_sigmoid"]:
    model = keras.Sequential([
        keras.Input(shape=(8,)),
        layers.Dense(4, activation=name, kernel_initializer=keras.initializers.Constant(0.15)),
        layers.Dense(1, kernel_initializer=keras.initializers.Constant(0.2)),
    ])
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05), loss="mse")
    history = model.fit(x, y, epochs=3, batch_size=8, shuffle=False, verbose=0)
    print(name, [round(v, 5) for v in history.history["loss"]],
          [round(float(v), 5) for v in model.predict(x[:3], verbose=0)[:, 0]])

model = keras.Sequential([
    keras.Input(shape=(8,)),
    layers.Dense(3, activation=keras.activations.hard_sigmoid),
    layers.Activation(keras.activations.celu),
])
print([layer.name for layer in model.layers])
