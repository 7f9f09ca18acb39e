# Turning the captured summary into a short report (split, partition, strip, splitlines).
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(32, 32, 3))
x = layers.Conv2D(32, 3, activation="relu")(inputs)
x = layers.MaxPooling2D()(x)
x = layers.Conv2D(64, 3, activation="relu")(x)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(10)(x)
model = keras.Model(inputs=inputs, outputs=outputs, name="cifar_small")

captured = []
model.summary(print_fn=lambda text, **kwargs: captured.append(text))
text = "\n".join(captured)
for line in text.splitlines():
    label, sep, rest = line.strip().partition(":")
    if sep and "params" in label.lower():
        count = rest.split("(")[0].strip()
        print(f"{label:>22}: {count:>8}")
rows = [line for line in text.splitlines() if "(" in line and ")" in line and "params" not in line]
print(len(rows), "rows mention a shape;", text.count("Conv2D"), "Conv2D;", text.find("Model:"))
print(repr(text.splitlines()[0]), text.rstrip().endswith(("_", "B)", "┘")))
