# A FLOPs-style walk over a model's layers that reads each layer's first call.
import tensorflow as tf

inputs = tf.keras.Input((16, 16, 3))
left = tf.keras.layers.Conv2D(4, 3, padding="same")(inputs)
right = tf.keras.layers.Conv2D(4, 1)(inputs)
merged = tf.keras.layers.Add()([left, right])
pooled = tf.keras.layers.MaxPooling2D()(merged)
flat = tf.keras.layers.Flatten()(pooled)
outputs = tf.keras.layers.Dense(2)(flat)
model = tf.keras.Model(inputs, outputs)

total = 0
for layer in model.layers:
    in_shape = layer.get_input_shape_at(0)
    out_shape = layer.get_output_shape_at(0)
    kind = type(layer).__name__
    if kind == "InputLayer":
        print("input", in_shape[1:4], out_shape[1:4], type(in_shape).__name__)
    elif isinstance(in_shape, list):
        print(layer.name, "merges", [s[1:] for s in in_shape], "->", out_shape)
    else:
        size = 1
        for d in out_shape[1:]:
            size *= d
        total += size
        print(f"{layer.name:12s} {str(in_shape):20s} {str(out_shape):20s} {size}")
print("activations:", total)
print(model.layers[0].get_input_at(0).shape, model.layers[0].get_output_at(0).shape)
