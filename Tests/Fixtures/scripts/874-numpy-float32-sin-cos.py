# np.sin and np.cos of float32 arrays compute in float32 with NumPy's own vectorised method
# (a three-step reduction by pi/2 and short polynomials), whose last bit differs from the
# correctly rounded value for some inputs; huge inputs go to the C library.
import numpy as np

angles = np.linspace(-12.0, 12.0, 49).astype(np.float32)
print(np.sin(angles))
print(np.cos(angles[::6]).tolist())
wave = np.float32(0.01) * np.arange(200, dtype=np.float32)
print(float(np.sin(wave).sum()), float(np.cos(wave).sum()))
print(np.sin(np.float32(2.5)), np.cos(np.float32(-7.25)))
edges = np.array([0.0, -0.0, 71476.0625, 90000.5, 150000.0, 1e-20], dtype=np.float32)
print(np.sin(edges).tolist(), np.cos(edges).tolist())
