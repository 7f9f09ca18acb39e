# Model code split the way projects split it: a package folder beside the script with the
# blocks, imported with `from package.module import ...` (the package's code runs once).
from tensorflow import keras

from s1156_blocks.conv import conv_block, head
import s1156_blocks.conv as blocks
from s1156_blocks import conv, VERSION
import s1156_blocks

print(VERSION, blocks.BLOCKS, conv is blocks, s1156_blocks.conv is conv)

inputs = keras.Input(shape=(32, 32, 3))
x = conv_block(inputs, 16)
x = conv_block(x, 32)
x = blocks.conv_block(x, 64, pool=False)
outputs = head(x, 10)
model = keras.Model(inputs, outputs, name="blocks_net")
model.summary()

import s1156_blocks.layers_v2
