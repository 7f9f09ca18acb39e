print(int(1e300))
