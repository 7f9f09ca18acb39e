# Capture the summary as text (for a report or a log) instead of printing it.
from tensorflow import keras
from tensorflow.keras import layers


def small_cnn(num_classes=10):
    return keras.Sequential(
        [
            keras.Input(shape=(32, 32, 3)),
            layers.Conv2D(16, 3, activation="relu"),
            layers.MaxPooling2D(),
            layers.Conv2D(32, 3, activation="relu"),
            layers.GlobalAveragePooling2D(),
            layers.Dense(num_classes, activation="softmax"),
        ],
        name="small_cnn",
    )


model = small_cnn()
lines = []
model.summary(print_fn=lines.append)
report = "\n".join(lines)
print(f"captured {len(lines)} piece(s), {len(report.splitlines())} lines of text")
print(report.splitlines()[0])
for line in report.splitlines():
    if "params" in line:
        print(line.strip())
