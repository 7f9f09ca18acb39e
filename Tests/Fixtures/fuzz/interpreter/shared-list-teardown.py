big = list(range(100000))
shared = [big] * 20000
print("built")
