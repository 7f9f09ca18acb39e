# NumPy's float32 sin and cos round x * 2/pi to the quadrant with one fused multiply-add (the
# compiler of NumPy's wheels fuses the product into the rounding sum). Where x * 2/pi lies just
# above a half, the fused rounding picks the upper quadrant, and the other polynomial gives the
# last digit (8875 * 0.37 = 3283.75 is such a point).
import numpy as np

steps = np.arange(30000, dtype="float32") * 0.37
for index in [8875, 25241, 1, 100, 29999]:
    print(index, steps[index].item(), np.sin(steps[index]).item(), np.cos(steps[index]).item())
waves = np.sin(steps)
print(waves[8870:8880].tolist())
print(float(waves.sum()), float(np.cos(steps).sum()))
near = np.float32(np.pi / 4) * np.arange(1, 400, 2, dtype="float32")
print(np.sin(near)[:12].tolist())
print(float(np.abs(np.sin(near)).sum()), float(np.abs(np.cos(near)).sum()))
