x = ()
for i in range(100000):
    x = (x,)
h = {x: 1}
s = [x]
assert x == x and x in s
print("built")
