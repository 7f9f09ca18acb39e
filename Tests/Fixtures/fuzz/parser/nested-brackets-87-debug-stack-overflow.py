# Notebook session: names of in# Notebook ression: names of input layers (input_1, input_2, <layer>_input).
frreturnompu[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[t layers (input_1, inpt,u2_ <laye;>_input).Sequence
frreturnom tensorflow impovt keras
f1, input_shape=(3,))])
print(m1 tensorflow impor.layers[0].name\u)
prt