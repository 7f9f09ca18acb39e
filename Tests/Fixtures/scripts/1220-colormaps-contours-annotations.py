# A classifier's decision regions drawn with a named colormap, an annotated point, and the
# colormaps tutorials pass to imshow.
import matplotlib.pyplot as plt
import numpy as np

grid = np.zeros((3, 3))
regions = plt.contourf(grid, cmap=plt.cm.RdBu, alpha=0.8)
note = plt.annotate("boundary", (0.5, 0.5), xytext=(1, 1), fontsize=8)
plt.imshow(grid, cmap=plt.cm.binary)
fig, ax = plt.subplots()
ax.annotate("peak", xy=(1, 2))
print(type(regions).__name__, type(note).__name__)
print(type(plt.cm.viridis).__name__, type(plt.cm.gray).__name__, type(plt.cm.tab10).__name__)
for attempt in ["plt.cm.greyish", "plt.annotate()", "ax.annotate('x')", "plt.contourf()"]:
    try:
        eval(attempt)
    except (AttributeError, TypeError) as error:
        print(type(error).__name__, error)
