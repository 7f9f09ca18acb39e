# A training script that draws its loss curves after fit, as scripts do before their final
# prints: under `python script.py` the plots go to a backend that shows nothing.
import matplotlib.pyplot as plt
import numpy as np
from tensorflow import keras

inputs = np.zeros((8, 4))
targets = np.ones((8, 1))
model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(2), keras.layers.Dense(1)])
model.compile(optimizer="sgd", loss="mse", metrics=["mae"])
history = model.fit(inputs, targets, epochs=3, validation_split=0.25, verbose=0)

plt.figure(figsize=(10, 4))
plt.subplot(1, 2, 1)
drawn = plt.plot(history.history["loss"], label="train")
plt.plot(history.history["val_loss"], "r--", label="validation")
plt.title("Loss")
plt.xlabel("epoch")
plt.ylabel("mse", fontsize=12)
plt.legend(loc="upper right")
plt.grid(True)
plt.subplot(122)
plt.plot(range(1, 4), history.history["mae"], "bo", range(1, 4), history.history["val_mae"], "g")
plt.title("MAE", loc="left")
plt.tight_layout()
plt.show()
plt.close()
plt.close("all")
plt.clf()

print(type(drawn).__name__, len(drawn), type(drawn[0]).__name__)
print(len(plt.plot([1, 2], [3, 4], "k", [5, 6], [7, 8])))
print(type(plt.figure()).__name__, type(plt.title("t")).__name__, plt.show())
print(sorted(history.history))
model.summary()
