# Sample images in a grid of axes, the way generator and autoencoder scripts show their outputs,
# then a single axes drawn through the object interface.
import matplotlib.pyplot as plt
import numpy as np

images = np.zeros((6, 5, 5, 1))
fig, axes = plt.subplots(2, 3, figsize=(6, 4))
print(type(fig).__name__, type(axes).__name__, axes.shape)
for index, ax in enumerate(axes.flat):
    ax.imshow(images[index, :, :, 0], cmap="gray")
    ax.set_title(f"sample {index}")
    ax.axis("off")
axes[1, 2].set_xlabel("last")
axes[0][1].set_ylabel("row")
print(type(axes[-1, -1]).__name__, len(list(axes)), type(axes.ravel()[4]).__name__)
fig.suptitle("samples")
fig.tight_layout()

fig, row = plt.subplots(1, 4)
print(row.shape)
for ax in row:
    ax.plot([0, 1, 2])
fig, ax = plt.subplots()
lines = ax.plot([3, 2, 1], label="falling")
ax.legend()
ax.grid(True)
ax.set_xlim(0, 2)
print(type(ax).__name__, len(lines))

plt.figure(figsize=(4, 4))
for index in range(4):
    plt.subplot(2, 2, index + 1)
    plt.imshow(images[index, :, :, 0] * 127.5 + 127.5, cmap="gray")
    plt.axis("off")
plt.show()
