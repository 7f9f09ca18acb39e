import KerasCells
import Testing

/// Classes, `with` and decorators raise CPython 3.11's errors in its words (each message recorded
/// with CPython 3.11), and what ConvBook cannot do is refused as its limitation.
@Suite struct ClassRuntimeTests {
  static let pythonErrors: [(String, String, String)] = [
    (
      "with 1:\n    pass\n", "TypeError",
      "'int' object does not support the context manager protocol"
    ),
    ("class C:\n    pass\nC(1)\n", "TypeError", "C() takes no arguments"),
    (
      "class C:\n    pass\nclass D(C):\n    def __init__(self, a):\n        super().__init__(a)\nD(1)\n",
      "TypeError", "object.__init__() takes exactly one argument (the instance to initialize)"
    ),
    (
      "class C:\n    pass\nc = C()\nsuper(C, c).__init__(1)\n", "TypeError",
      "C.__init__() takes exactly one argument (the instance to initialize)"
    ),
    (
      "class E:\n    def __init__(self, a):\n        return 1\nE(1)\n", "TypeError",
      "__init__() should return None, not 'int'"
    ),
    (
      "class G:\n    def m(self):\n        pass\nG().m(1)\n", "TypeError",
      "G.m() takes 1 positional argument but 2 were given"
    ),
    (
      "class H:\n    def m():\n        pass\nH().m()\n", "TypeError",
      "H.m() takes 0 positional arguments but 1 was given"
    ),
    (
      "class I:\n    def __str__(self):\n        return 1\nstr(I())\n", "TypeError",
      "__str__ returned non-string (type int)"
    ),
    (
      "class J:\n    def __enter__(self):\n        return self\nwith J():\n    pass\n", "TypeError",
      "'J' object does not support the context manager protocol (missed __exit__ method)"
    ),
    (
      "class K:\n    def __exit__(self, *a):\n        pass\nwith K():\n    pass\n", "TypeError",
      "'K' object does not support the context manager protocol"
    ),
    ("class A:\n    pass\nclass B(A, A):\n    pass\n", "TypeError", "duplicate base class A"),
    (
      "class A:\n    pass\nclass B(A):\n    pass\nclass Z(A, B):\n    pass\n", "TypeError",
      "Cannot create a consistent method resolution\norder (MRO) for bases A, B"
    ),
    ("class C:\n    pass\nC()()\n", "TypeError", "'C' object is not callable"),
    ("class C:\n    pass\nissubclass(C(), C)\n", "TypeError", "issubclass() arg 1 must be a class"),
    ("super()\n", "RuntimeError", "super(): no arguments"),
    (
      "class N:\n    @staticmethod\n    def s(a):\n        return a\nN.s()\n", "TypeError",
      "N.s() missing 1 required positional argument: 'a'"
    ),
    (
      "class O:\n    @classmethod\n    def s(cls, a):\n        return a\nO.s()\n", "TypeError",
      "O.s() missing 1 required positional argument: 'a'"
    ),
    (
      "def f():\n    class Inner:\n        def m(self, x):\n            pass\n    return Inner\nf()().m()\n",
      "TypeError", "f.<locals>.Inner.m() missing 1 required positional argument: 'x'"
    ),
    (
      "class C:\n    @property\n    def x(self):\n        return 1\nC().x = 2\n", "AttributeError",
      "property 'x' of 'C' object has no setter"
    ),
    ("class C:\n    pass\nC.y\n", "AttributeError", "type object 'C' has no attribute 'y'"),
  ]

  @Test func pythonErrorsInCPythonsWords() {
    for (source, type, message) in Self.pythonErrors {
      let error = KerasSession().run(source).error
      #expect(error?.type == type, "\(source)")
      #expect(error?.message == message, "\(source)")
    }
  }

  @Test func classesPrintAsPythonDoes() {
    let result = KerasSession().run(
      """
      class Point:
          def __init__(self, x, y):
              self.x, self.y = x, y
          def __repr__(self):
              return f"Point({self.x}, {self.y})"
          @property
          def norm1(self):
              return abs(self.x) + abs(self.y)
          @norm1.setter
          def norm1(self, value):
              self.x, self.y = value, 0
      p = Point(1, -2)
      print(p, [p], {"p": p}, str(p), repr(p), f"{p!r}", p.norm1)
      p.norm1 = 7
      print(p, type(p).__name__, Point.__name__, Point, isinstance(p, object))
      """)
    #expect(result.error == nil)
    #expect(
      result.printed(footer: .modern)
        == "Point(1, -2) [Point(1, -2)] {'p': Point(1, -2)} Point(1, -2) Point(1, -2) Point(1, -2) 3\nPoint(7, 0) Point Point <class '__main__.Point'> True\n"
    )
  }

  /// `%`-formatting, `str.format` and `__getattr__` (recorded with CPython 3.11).
  @Test func formattingAndGetattr() {
    let result = KerasSession().run(
      """
      class P:
          def __init__(self, n):
              self.n = n
          def __str__(self):
              return "P%d" % self.n
          def __repr__(self):
              return "<P %s>" % self.n
          def __getattr__(self, name):
              return name.upper()
      p = P(3)
      print("%s and %r" % (p, p), "{} {x}".format(p, x=[p]), "%s" % p, p.units, p.n)
      """)
    #expect(result.error == nil)
    #expect(result.printed(footer: .modern) == "P3 and <P 3> P3 [<P 3>] P3 UNITS 3\n")
  }

  @Test func limitationsAreConvBooks() throws {
    let cases: [(String, String)] = [
      ("f = open('data.csv')", "ConvBook cells have no file access"),
      (
        "import tensorflow as tf\n@tf.function\ndef f(x):\n    return {'y': x * 2}\nf(3)\n",
        "ConvBook does not support calling a `tf.function` that returns a dict yet"
      ),
      ("class A(metaclass=type):\n    pass\n", "ConvBook does not support class keywords"),
      (
        "from tensorflow import keras\nclass Net(keras.Model):\n    pass\nNet().fit(1, 2)\n",
        "ConvBook trains and runs a subclassed model that has not been called yet on one NumPy array of inputs only"
      ),
      (
        "from tensorflow.keras import layers\nclass D(layers.Bidirectional):\n    pass\n",
        "ConvBook does not support subclassing `keras.layers.Bidirectional` yet"
      ),
    ]
    for (source, prefix) in cases {
      let error = try #require(KerasSession().run(source).error, "\(source)")
      #expect(error.type == nil, "\(source)")
      #expect(error.message.hasPrefix(prefix), "\(source): \(error.message)")
    }
  }

  /// tf-keras' texts ConvBook cannot print, refused: AutoGraph's "in user code:" wrapping of an
  /// inner layer's error raised in a custom layer's `call` (it quotes Keras' own files), and the
  /// weight lists of a subclassed model that holds a `tf.Variable` of its own (listed first).
  @Test func tfKerasLimitationsAreConvBooks() throws {
    let cases: [(String, String)] = [
      (
        """
        from tensorflow import keras
        class Block(keras.layers.Layer):
            def __init__(self):
                super().__init__()
                self.conv = keras.layers.Conv2D(4, 3)
            def call(self, x):
                return self.conv(x)
        Block()(keras.Input((5,)))
        """,
        "ConvBook does not support tf-keras' AutoGraph text of an exception raised inside the call() of Block"
      ),
      (
        """
        import tensorflow as tf
        class Line(tf.keras.Model):
            def __init__(self):
                super().__init__()
                self.w = tf.Variable([[0.0]])
            def call(self, x):
                return tf.matmul(x, self.w)
        print(Line().trainable_variables)
        """,
        "ConvBook does not support `trainable_variables` of a subclassed model that holds weights of its own (Line"
      ),
      (
        """
        import tensorflow as tf
        class Loud(tf.keras.layers.Layer):
            def call(self, x):
                print("called")
                return x * 2.0
        loud = Loud()
        loud(tf.ones((1, 3)))
        loud(tf.ones((2, 3)))
        """,
        "ConvBook does not support calling Loud on data again yet: its call() prints"
      ),
      (
        """
        import tensorflow as tf
        class Shows(tf.keras.layers.Layer):
            def call(self, x):
                print("shape", x.shape)
                return x
        Shows()(tf.ones((2, 3)))
        """,
        "ConvBook does not support printing a tensor or its shape inside call() of a layer called on data yet"
      ),
    ]
    for (source, prefix) in cases {
      let error = try #require(KerasSession(kerasVersion: .keras2).run(source).error, "\(source)")
      #expect(error.type == nil, "\(source)")
      #expect(error.message.hasPrefix(prefix), "\(source): \(error.message)")
    }
  }

  @Test func tensorflowScopesChangeNothing() {
    let result = KerasSession().run(
      """
      import tensorflow as tf
      from tensorflow import keras
      with tf.distribute.MirroredStrategy().scope(), tf.device("/GPU:0"):
          with tf.name_scope("block") as scope, keras.utils.custom_object_scope({}):
              model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(2)])
      print(scope, model.layers[0].name, model.count_params())
      """)
    #expect(result.error == nil)
    #expect(result.printed(footer: .modern) == "block/ dense 10\n")
  }
}
