# -*- coding: gbk -*-
"""一个小的卷积网络（保存为 UTF-8，但第一行声明了 gbk）"""
from tensorflow import keras
from tensorflow.keras import layers

# 输入是 28x28 的灰度图
model = keras.Sequential([keras.Input((28, 28, 1)), layers.Conv2D(4, 3), layers.Flatten(), layers.Dense(10)])
print("参数个数:", model.count_params())
