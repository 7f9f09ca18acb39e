import numpy as np
lr = np.float32(1e-3)
print(lr, repr(lr), [lr], lr * 10, lr / 2, type(lr).__name__, lr.item())
print(f"{lr:.1e} {np.float32(0.25):.2f} {np.int64(42):>5}", "%.3f" % np.float32(0.1))

# %%
import numpy as np
for v in [0.1, 1 / 3, 1e5, 1e6, 1.25e6, 0.0001, 0.00025, 1e-5, -2e7, 0.0]:
    print(str(np.float32(v)), repr(np.float32(v)), np.float64(v), repr(np.float64(v)))

# %%
import numpy as np
n = np.int64(7)
labels = ["a", "b", "c", "d", "e", "f", "g", "h"]
print(n, repr(n), n // 2, n / 2, n * 1.5, -n, labels[n], int(n) + 1, float(n), n > 3, [n > 3])
print(np.float32(1) + np.float64(1), repr(np.float32(1) + 1), repr(np.int64(2) ** 10), repr(np.uint8(5)))
print(round(np.float32(2.675), 2), round(np.float64(2.5)), abs(np.float32(-1.5)), bool(np.float32(0)), np.bool_(1))
print(np.array([np.float32(0.5), np.float32(1.5)]), sum([1, 2]) == np.int64(3), {np.int64(1): "one"}[1])

# %%
import json
import numpy as np
json.dumps({"lr": np.float32(0.1)})

# %%
import numpy as np
sizes = np.array([28.0, 14.0])
print([2, 4] + sizes, sizes * (1, 2), (3, 4) - np.array([1, 1]))
print(([1, 2] + np.array([1, 2], dtype=np.float32)).dtype)

# %%
import numpy as np
x = np.array([1, 2, 3], dtype=np.int32)
y = np.array([1, 2, 3])
print(repr(x), x + 1, repr(x * 2), repr(x * 2.5), repr(x + y), repr(x + np.float32(1)))
print(np.int32(7), repr(np.int32(7)), repr(np.int32(3) + 1), repr(np.int32(3) + np.int64(1)), x.dtype, repr(x.astype("int32")))
print(repr(np.zeros((2,), dtype=np.int32)), repr(np.array([1.7, -2.2]).astype(np.int32)))

# %%
import numpy as np
a = np.array([1.123456789, 0.00001234, 1234.5])
print(a)
np.set_printoptions(precision=3, suppress=True)
print(a, repr(np.array([[6., 211., 114.5, 2858.75, 13.375, 71.25, 0.25, 0.25, 0.5]])))
print(np.array([1e-10, 1.0]), np.array([0.5, 2e9]), np.array([1.5, 2.25], dtype=np.float32))
np.set_printoptions(precision=1)
print(np.array([0.25, 0.35, 1.96]), np.float64(0.123456))
np.set_printoptions(suppress=False)
print(np.array([1e-5, 1.0]))

# %%
import numpy as np
np.set_printoptions(precision="3")

# %%
import numpy as np
np.set_printoptions(precison=3)

