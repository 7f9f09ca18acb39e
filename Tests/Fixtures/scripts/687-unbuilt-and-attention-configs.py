# Configs before a model knows its input (a Sequential model without an input shape, written,
# rebuilt and cloned), then the attention layers' configs once a functional model has called them.
from tensorflow import keras
from tensorflow.keras import layers

stack = keras.Sequential([layers.Dense(16, activation="relu"), layers.Dropout(0.1),
                          layers.Dense(3, activation="softmax")], name="head")
config = stack.get_config()
print(list(config), [entry["class_name"] for entry in config["layers"]])
print(config["layers"][1])
text = stack.to_json()
print(len(text) > 100, text[-60:])
again = keras.Sequential.from_config(config)
print(again.name, [layer.name for layer in again.layers], again.built)
twin = keras.models.clone_model(stack)
print([layer.name for layer in twin.layers])

tokens = keras.Input(shape=(12, 32))
attended = layers.MultiHeadAttention(num_heads=4, key_dim=8, dropout=0.1)(tokens, tokens)
scored = layers.Attention(use_scale=True)([tokens, attended])
added = layers.AdditiveAttention()([scored, tokens])
normed = layers.LayerNormalization(epsilon=1e-6)(added)
model = keras.Model(tokens, normed)
for layer in model.layers[1:]:
    print(layer.get_config())

grid = keras.Input(shape=(4, 5, 6))
memory = keras.Input(shape=(4, 5, 6))
cross = layers.MultiHeadAttention(2, 3, value_dim=5, attention_axes=[1, 2], output_shape=[7])
cross(grid, memory, memory)
print(cross.get_config())
wide = layers.MultiHeadAttention(num_heads=2, key_dim=4, attention_axes=2)
wide(grid, grid)
print(wide.get_config()["attention_axes"], wide.get_config()["value_dim"])
