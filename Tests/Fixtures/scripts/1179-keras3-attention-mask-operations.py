# Keras 3 records the masks of symbolic tensors as operations of the graph. Attention's
# compute_mask returns convert_to_tensor of its query's mask, so a layer after it whose call takes
# the mask (GlobalAveragePooling1D) is connected to that operation, which brings the query's
# not_equal/any rows into the summary; the value's mask operations stay out of the graph.
# tf-keras keeps masks off the graph.
from tensorflow import keras
from tensorflow.keras import layers

queries = keras.Input((5, 4))
values = keras.Input((6, 4))
attended = layers.Attention()([layers.Masking(0.0)(queries), layers.Masking(0.0)(values)])
pooled = layers.GlobalAveragePooling1D()(attended)
model = keras.Model([queries, values], pooled)
model.summary()

tokens = keras.Input((7,), dtype="int32")
context = keras.Input((9, 8))
embedded = layers.Embedding(50, 8, mask_zero=True)(tokens)
scored = layers.AdditiveAttention()([embedded, layers.Masking(0.0)(context)])
value_only = layers.Attention()([context, embedded])
model = keras.Model(
    [tokens, context],
    [layers.GlobalAveragePooling1D()(scored), layers.GlobalAveragePooling1D()(value_only)],
)
model.summary()
