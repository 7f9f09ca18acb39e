x = {}
for i in range(100000):
    x = {"a": x}
print("built")
