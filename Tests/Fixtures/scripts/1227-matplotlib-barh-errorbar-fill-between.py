# The plots around a training run that print nothing: per-class scores as horizontal bars, a
# mean curve with error bars and a shaded band between its bounds.
import matplotlib.pyplot as plt
import numpy as np

scores = [0.91, 0.85, 0.78]
bars = plt.barh(["cat", "dog", "bird"], scores, color="tab:blue")
epochs = np.arange(1, 6)
mean = np.array([0.9, 0.6, 0.45, 0.4, 0.38])
spread = np.array([0.1, 0.08, 0.05, 0.04, 0.04])
line = plt.errorbar(epochs, mean, yerr=spread, fmt="-o", capsize=3, label="loss")
band = plt.fill_between(epochs, mean - spread, mean + spread, alpha=0.2)
fig, ax = plt.subplots()
ax.barh([0, 1], [2, 3], height=0.5)
ax.fill_between(epochs, mean, 0, color="gray")
ax.errorbar(epochs, mean, xerr=0.1)
plt.show()
print(type(bars).__name__, type(line).__name__, type(band).__name__)
for attempt in ["plt.barh([1])", "plt.errorbar([1])", "ax.fill_between([1])"]:
    try:
        eval(attempt)
    except TypeError as error:
        print(error)
