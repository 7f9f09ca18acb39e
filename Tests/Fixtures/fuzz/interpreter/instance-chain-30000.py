class Node:
    def __init__(self, next_node):
        self.next_node = next_node

head = None
for i in range(30000):
    head = Node(head)
print("built")
