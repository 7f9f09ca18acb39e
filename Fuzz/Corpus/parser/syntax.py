# Syntax the Keras corpus rarely uses: numbers, strings, comprehensions, lambdas, slices.
a, *b = [0x1F, 0o17, 0b101, 1_000, 1e-3, .5, 3j, 10**3, 7 // -2, -7 % 3, 2 ** -1]
s = "tab\t" 'quote\'' r"raw\n" b"bytes" f"{a!r:>8} {b[0]:.2f} {{}}" """multi
line""" "\N{BULLET} \u00e9 \x41"
d = {k: v for k, v in zip("ab", (1, 2)) if v}
f = lambda x, *ys, z=1, **kw: x if x else (ys, z, kw)
t = d["a"], b[1:3], b[::-1], b[-1], not a or b and None is not True
x = [i * 2 for i in range(3)] + list(map(f, [1])) if len(b) > 2 else []
for i, (j, k) in enumerate([(1, 2)]):
    if i == 0:
        continue
    elif j < k <= 3:
        pass
    else:
        break
while False:
    x += [1]; del x
print(s, t, *x, sep=", ", end="\n")
