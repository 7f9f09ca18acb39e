# The Orthogonal initializer (every recurrent kernel's default) takes TensorFlow's QR of a normal
# draw: Eigen's Householder reflectors in float32 without FMA, Q built column by column, signs from
# R's diagonal. The draw itself uses the C library's logf, sinf and cosf.
import numpy as np
import keras

np.set_printoptions(precision=9)
print(np.asarray(keras.initializers.RandomNormal(seed=0)((30, 10)))[0, :5])
for seed, shape in [(0, (10, 30)), (3, (6, 6)), (7, (16, 4)), (1, (4, 20))]:
    matrix = np.asarray(keras.initializers.Orthogonal(seed=seed)(shape))
    print(shape, matrix.sum(), matrix[-1])
