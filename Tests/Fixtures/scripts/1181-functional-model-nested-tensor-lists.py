# keras.Model(inputs=..., outputs=...) given nested lists and tuples of Keras tensors flattens them in
# order: inputs=[base.inputs] of a backbone, outputs=[decoder(z)] where the decoder was built with
# outputs=[x] (a list of one: calling it returns a list in Keras 3, one tensor in tf-keras).
from tensorflow import keras
from tensorflow.keras import layers
a = keras.Input((4,), name="a")
b = keras.Input((3,), name="b")
inner = keras.Model(inputs=[a], outputs=[layers.Dense(2)(a)], name="inner")
x = keras.Input((4,))
y = inner(x)
print(type(y).__name__, len(y) if isinstance(y, list) else "")
outer = keras.Model(inputs=[x], outputs=[y])
outer.summary()
both = keras.Model(inputs=[[a], (b,)], outputs=[[layers.Dense(1)(a)], layers.Dense(1)(b)])
both.summary()
print(len(both.inputs), len(both.outputs))
