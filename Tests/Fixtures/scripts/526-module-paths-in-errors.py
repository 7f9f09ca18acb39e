"""How each Keras names its modules in AttributeErrors, by the path the script took to them."""
import tensorflow as tf
import tensorflow.keras.layers as nn
import tensorflow.keras.losses as objectives
keras = tf.keras

for module, name in [(nn, "DenseLayer"), (objectives, "mse_loss"), (tf.keras.layers, "DenseLayer"),
                     (keras.layers, "DenseLayer")]:
    try:
        getattr(module, name)
    except AttributeError as error:
        print(error)
print(nn.Dense(3).name, objectives.mse.__name__)
if hasattr(keras, "ops"):
    for name in ["relu", "conv", "Conv2D", "not_an_op"]:
        print(name, hasattr(keras.ops, name))
