# np.exp and np.log of float32 arrays as NumPy's vectorised loops compute them (ratios of
# minimax polynomials after a reduction by ln 2, or to the mantissa), not correctly rounded:
# a float32 softmax and log-likelihood written in NumPy print NumPy's last digits.
import numpy as np

logits = (np.arange(24, dtype=np.float32).reshape(4, 6) - 11.5) * np.float32(0.37)
shifted = logits - logits.max(axis=1, keepdims=True)
weights = np.exp(shifted)
probabilities = weights / weights.sum(axis=1, keepdims=True)
print(probabilities)
print((-np.log(probabilities[:, 2])).tolist())
grid = np.linspace(-20.0, 20.0, 81).astype(np.float32)
print(np.exp(grid)[::8].tolist())
print(np.log(np.abs(grid) + np.float32(0.5))[::8].tolist())
print(np.exp(np.float32(1.0)), np.log(np.float32(10.0)), np.exp(np.float32(-95.0)))
