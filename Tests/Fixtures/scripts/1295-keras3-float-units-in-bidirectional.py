"""A whole float size inside Bidirectional (`units = width / 2` in Python 3): Keras 3 keeps the
float and fails when the wrapper builds its forward layer's first weight (tf-keras fails in
TensorFlow's shape code, which ConvBook refuses: only the int size runs there)."""
import tensorflow as tf

width = 8
makers = [
    ("lstm", lambda: tf.keras.layers.Bidirectional(tf.keras.layers.LSTM(width / 2))),
    ("sequences", lambda: tf.keras.layers.Bidirectional(
        tf.keras.layers.LSTM(width / 4, return_sequences=True), merge_mode="sum")),
    ("whole", lambda: tf.keras.layers.Bidirectional(tf.keras.layers.LSTM(width // 2))),
]
keras3 = hasattr(tf.keras, "__version__")
for label, make in makers if keras3 else makers[-1:]:
    try:
        layer = make()
        out = layer(tf.keras.Input((5, 3)))
        print(label, out.shape, layer.count_params())
    except (TypeError, ValueError) as error:
        print(label, type(error).__name__, error)
