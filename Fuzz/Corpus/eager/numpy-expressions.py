import numpy as np
np.array([1.0]) / 3
# %%
np.array([1.0, 2.0, 4.0]).mean()
# %%
np.mean(np.array([1, 2, 4]))
# %%
np.array([0.1, 0.2, 0.3]).sum()
# %%
np.sum(np.arange(100) / 10)
# %%
(np.arange(100000) / 255.0).mean()
# %%
(np.arange(100000) / 255.0).sum()
# %%
np.arange(12).reshape(3, 4).mean(axis=1)
# %%
np.array([[0.1, 0.2], [0.3, 0.4]]).mean(axis=0)
# %%
np.array([[0.1, 0.2], [0.3, 0.4]]).sum(axis=1)
# %%
np.max(np.array([0.1, 0.35]) * 3)
# %%
(np.arange(6) * 40).astype('uint8') / 255.0
# %%
((np.arange(6) * 40).astype('uint8') / 255.0).dtype
# %%
(np.arange(6) * 40).astype('uint8').astype('float32') / 255.0
# %%
(np.arange(6) * 40).astype('uint8').astype('float32') / 255
# %%
np.array([1.5, 2.5], dtype='float32') * 0.1
# %%
(np.array([1.5, 2.5], dtype='float32') * 0.1).dtype
# %%
np.array([1.5, 2.5], dtype='float32') + np.array([0.1, 0.2])
# %%
(np.array([1.5, 2.5], dtype='float32') + np.array([0.1, 0.2])).dtype
# %%
np.array([1, 2], dtype='float32') / 3
# %%
(np.arange(5) / 7).astype('float32')
# %%
np.array([1.0, 2.0, 3.0]).astype('float32') / 3
# %%
np.arange(10) / 3
# %%
np.array([0.1, 0.7]) * 3
# %%
np.array([2.0, 3.0]) ** 0.5
# %%
np.array([7.0, -7.0]) // 0.1
# %%
-np.array([0.1, 0.2]) / 3
# %%
np.array([0.1, 0.2]) > 0.15
# %%
np.array([0.1], dtype='float32') == 0.1
# %%
np.array([0.1]) == np.array([0.1], dtype='float32')
# %%
np.concatenate([np.array([0.1]), np.array([1], dtype='float32')])
# %%
(np.arange(12).reshape(3, 4) / 7)[1:, ::2]
# %%
np.expand_dims(np.array([0.1, 0.2]) / 3, 0)
# %%
np.round(np.array([0.125, 0.375, 2.675]) * 3, 2)
# %%
np.array([0.1, 0.2]).tolist()
# %%
(np.arange(4) / 3)[1]
# %%
np.argmax(np.array([[0.1, 0.3], [0.5, 0.2]]) / 3, axis=1)
# %%
np.array([[0.5, 0.25]]).astype('int64')
# %%
np.zeros(3) + 1 / 3
# %%
np.ones((2, 2), dtype='float32') / 3
# %%
np.array([1, 2, 3]) * 0.1
# %%
np.array([True, False]) * 0.1
# %%
np.array([1e8, 1.0]) / 3
# %%
np.array([1e-5]) * np.array([1.0, 3.0])
