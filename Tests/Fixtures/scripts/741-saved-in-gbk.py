# coding: gbk
# 用 GBK 保存的脚本：注释和字符串都是中文
from tensorflow import keras
from tensorflow.keras import layers

标题 = "全连接网络"
model = keras.Sequential(name="wangluo")
model.add(keras.Input((8,)))
model.add(layers.Dense(4, activation="relu"))
model.add(layers.Dense(1))
print(标题, len(标题))
print(f"层数: {len(model.layers)}，参数: {model.count_params()}")
model.summary()
