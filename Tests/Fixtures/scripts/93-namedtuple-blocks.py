import collections

from tensorflow import keras
from tensorflow.keras import layers

BlockArgs = collections.namedtuple("BlockArgs", ["kernel_size", "num_repeat", "filters", "strides"])

BLOCKS = [
    BlockArgs(kernel_size=3, num_repeat=1, filters=16, strides=1),
    BlockArgs(kernel_size=3, num_repeat=2, filters=24, strides=2),
    BlockArgs(kernel_size=5, num_repeat=2, filters=40, strides=2),
]


def block(x, args, index):
    for repeat in range(args.num_repeat):
        strides = args.strides if repeat == 0 else 1
        name = "block%d%s_" % (index + 1, chr(ord("a") + repeat))
        x = layers.DepthwiseConv2D(args.kernel_size, strides=strides, padding="same", name=name + "dw")(x)
        x = layers.Conv2D(args.filters, 1, name=name + "project")(x)
        x = layers.BatchNormalization(name=name + "bn")(x)
    return x


inputs = keras.Input(shape=(32, 32, 3))
x = layers.Conv2D(16, 3, strides=2, padding="same", name="stem")(inputs)
for i, args in enumerate(BLOCKS):
    x = block(x, args, i)
    print(i, args.filters, tuple(x.shape))
model = keras.Model(inputs, layers.GlobalAveragePooling2D()(x))
print(len(model.layers), model.count_params())
print(BLOCKS[1])
print(BLOCKS[1]._replace(filters=32).filters, sum(b.num_repeat for b in BLOCKS))
