# Course labs import plot_model from TensorFlow's own copy of Keras (its vis_utils). The import
# works in TensorFlow 2.21, with either Keras; calling it binds the arguments, then fails: the
# copy's model_to_dot imports its layers.wrappers, which TensorFlow no longer ships.
import tensorflow as tf
from tensorflow.python.keras.utils.vis_utils import plot_model, model_to_dot

inputs = tf.keras.Input(shape=(28, 28), name="base_input")
outputs = tf.keras.layers.Dense(4)(tf.keras.layers.Flatten()(inputs))
model = tf.keras.Model(inputs, outputs)
print(model.count_params())

for call in [
    lambda: plot_model(model, show_shapes=True, show_layer_names=True, to_file="base-model.png"),
    lambda: model_to_dot(model, show_shapes=True),
    lambda: plot_model(model, show_layer_activations=True),
    lambda: plot_model(),
]:
    try:
        call()
    except (ImportError, TypeError) as error:
        print(type(error).__name__, str(error).split(" (")[0])
