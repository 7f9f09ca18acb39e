from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    layers.Conv2D(16, 3, activation="relu"),
    layers.MaxPooling2D(),
    layers.Flatten(),
    layers.Dense(10),
], name="captured")

lines = []
model.summary(print_fn=lambda line, **kwargs: lines.append(line))
text = "\n".join(lines)
print(len(text.splitlines()) > 5, "Total params" in text)
param_line = [line for line in text.splitlines() if line.strip().startswith("Total params")]
print(param_line[0].strip())
