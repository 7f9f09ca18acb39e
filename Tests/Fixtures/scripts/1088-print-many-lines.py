# Many small writes to standard output and standard error, interleaved: every one lands in
# order, whole, and a line built from pieces (end="", sys.stdout.write) stays one line.
import sys

total = 0
for i in range(2500):
    print(i, end=" " if i % 7 else "\n")
    total += i
print()
for i in range(300):
    sys.stdout.write("w%d;" % i)
    if i % 50 == 49:
        print("", file=sys.stderr, end="e")
        sys.stdout.write("\n")
print("total", total, sep="=", end="!\n")
print(*range(40), sep=",")
