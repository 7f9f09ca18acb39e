# Python's str is a sequence of code points: a combining accent, a Windows line ending or a flag
# emoji is two of them, each counted, indexed, sliced, iterated and compared on its own, and two
# spellings of "é" are different strings. Layer names and report columns built from such text
# keep Python's lengths.
from tensorflow import keras

labels = ["cafe\u0301", "café", "line\r\n", "🇫🇷 fr"]
for label in labels:
    print(len(label), repr(label[-2:]), [c for c in label][:3], label[::-1] == label)
print(labels[0] == labels[1], labels[0] < labels[1], "\u0301" in labels[0], sorted("e\u0301a"))
print(f"[{labels[0]:>8}] [{labels[3]:<7}] [{labels[0]:.4}]", labels[0].find("\u0301"))

inputs = keras.Input((4,), name="input_cafe")
hidden = keras.layers.Dense(3, name="dense_" + str(len(labels[0])))(inputs)
model = keras.Model(inputs, hidden, name="model_" + str(len("🇫🇷")))
print(model.name, [layer.name for layer in model.layers])
