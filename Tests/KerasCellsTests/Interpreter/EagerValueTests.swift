import KerasCells
import Testing

/// TensorFlow's eager values (`EagerValues`, `EagerArithmetic`, `EagerIndexing`, `EagerFunctions`,
/// `EagerVariables`): the texts below were printed by TensorFlow 2.21.
@Suite struct EagerValueTests {
  static func run(_ source: String) -> (String, CellError?) {
    let result = KerasSession(kerasVersion: .keras2).run(
      "import numpy as np\nimport tensorflow as tf\n" + source)
    return (result.printed(), result.error)
  }

  @Test(arguments: [
    ("print(tf.constant(3))", "tf.Tensor(3, shape=(), dtype=int32)"),
    ("print(repr(tf.constant(3)))", "<tf.Tensor: shape=(), dtype=int32, numpy=3>"),
    (
      "print(repr(tf.constant(1/3)))",
      "<tf.Tensor: shape=(), dtype=float32, numpy=0.3333333432674408>"
    ),
    ("print(tf.constant(1/3))", "tf.Tensor(0.33333334, shape=(), dtype=float32)"),
    (
      "print(repr(tf.constant([1, 2, 3])))",
      "<tf.Tensor: shape=(3,), dtype=int32, numpy=array([1, 2, 3], dtype=int32)>"
    ),
    ("print(tf.constant(np.array([1., 2.])))", "tf.Tensor([1. 2.], shape=(2,), dtype=float64)"),
    ("print(tf.constant([True, False]))", "tf.Tensor([ True False], shape=(2,), dtype=bool)"),
    (
      "print(tf.constant([1, 200], dtype=tf.uint8))",
      "tf.Tensor([  1 200], shape=(2,), dtype=uint8)"
    ),
    ("print(tf.constant([1, 2.5]))", "tf.Tensor([1.  2.5], shape=(2,), dtype=float32)"),
    ("print(tf.range(1., 3., 0.5))", "tf.Tensor([1.  1.5 2.  2.5], shape=(4,), dtype=float32)"),
    ("print(tf.zeros((2,), dtype=tf.int32))", "tf.Tensor([0 0], shape=(2,), dtype=int32)"),
    (
      "print(tf.cast(tf.constant([1.7, -1.7]), tf.int32))",
      "tf.Tensor([ 1 -1], shape=(2,), dtype=int32)"
    ),
    ("print(tf.constant([1, 2]).numpy())", "[1 2]"),
  ])
  func valuesPrintAsTensorFlowPrintsThem(_ source: String, _ printed: String) {
    let (text, error) = Self.run(source)
    #expect(error == nil)
    #expect(text == printed + "\n")
  }

  @Test(arguments: [
    (
      "i = tf.constant([1, 2, 3])\nprint(i / 2)",
      "tf.Tensor([0.5 1.  1.5], shape=(3,), dtype=float64)"
    ),
    (
      "print(tf.constant(-7) // 2, tf.constant(-7) % 3)",
      "tf.Tensor(-4, shape=(), dtype=int32) tf.Tensor(2, shape=(), dtype=int32)"
    ),
    ("print(tf.constant(-7.5) % 2)", "tf.Tensor(0.5, shape=(), dtype=float32)"),
    ("print(tf.constant([250], dtype=tf.uint8) + 10)", "tf.Tensor([4], shape=(1,), dtype=uint8)"),
    (
      "print(tf.constant([1., 2., 3.]) + np.array([1, 2, 3]))",
      "tf.Tensor([2. 4. 6.], shape=(3,), dtype=float32)"
    ),
    (
      "m = tf.constant([[1., 2.], [3., 4.]])\nprint(m @ m)",
      "tf.Tensor(\n[[ 7. 10.]\n [15. 22.]], shape=(2, 2), dtype=float32)"
    ),
    (
      "print(tf.constant([1, 2, 3]) == 2)", "tf.Tensor([False  True False], shape=(3,), dtype=bool)"
    ),
    ("print(tf.constant([1., 2.]) == None)", "False"),
    ("print(tf.reduce_mean(tf.constant([-1, -2])))", "tf.Tensor(-1, shape=(), dtype=int32)"),
    ("print(f\"{tf.reduce_sum(tf.constant([0.2, 0.8]))}\")", "1.0"),
  ])
  func arithmeticFollowsTensorFlowsDTypes(_ source: String, _ printed: String) {
    let (text, error) = Self.run(source)
    #expect(error == nil)
    #expect(text == printed + "\n")
  }

  @Test(arguments: [
    (
      "tf.constant([1, 2, 3]) + tf.constant([1., 2., 3.])",
      "cannot compute AddV2 as input #1(zero-based) was expected to be a int32 tensor but is a float tensor [Op:AddV2] name: "
    ),
    (
      "tf.constant([1., 2., 3.]) + tf.constant([1., 2.])",
      "{{function_node __wrapped__AddV2_device_/job:localhost/replica:0/task:0/device:CPU:0}} Incompatible shapes: [3] vs. [2] [Op:AddV2] name: "
    ),
    (
      "tf.constant([1, 2]) // 0",
      "{{function_node __wrapped__FloorDiv_device_/job:localhost/replica:0/task:0/device:CPU:0}} Integer division by zero [Op:FloorDiv] name: "
    ),
    (
      "tf.constant([[1., 2.], [3., 4.]])[5]",
      "{{function_node __wrapped__StridedSlice_device_/job:localhost/replica:0/task:0/device:CPU:0}} slice index 5 of dimension 0 out of bounds. [Op:StridedSlice] name: strided_slice/"
    ),
    (
      "tf.reshape(tf.constant([1, 2, 3]), (-1, 2))",
      "{{function_node __wrapped__Reshape_device_/job:localhost/replica:0/task:0/device:CPU:0}} Input to reshape is a tensor with 3 values, but the requested shape requires a multiple of 2 [Op:Reshape]"
    ),
    (
      "tf.concat([tf.constant([1]), tf.constant([1.])], 0)",
      "cannot compute ConcatV2 as input #1(zero-based) was expected to be a int32 tensor but is a float tensor [Op:ConcatV2] name: concat"
    ),
    (
      "tf.matmul(tf.constant([[1.]]), tf.constant([[1, 2]]))",
      "cannot compute _MklMatMul as input #1(zero-based) was expected to be a float tensor but is a int32 tensor [Op:MatMul] name: "
    ),
  ])
  func kernelErrorsAreTensorFlows(_ source: String, _ message: String) {
    let (_, error) = Self.run(source)
    #expect(error?.type == "tensorflow.python.framework.errors_impl.InvalidArgumentError")
    #expect(error?.message == message)
  }

  @Test func pythonNumbersConvertToTheTensorsDType() {
    let (_, error) = Self.run("tf.constant([1, 2, 3]) * 1.5")
    #expect(error?.type == "TypeError")
    #expect(error?.message == "Cannot convert 1.5 to EagerTensor of dtype int32")
    let (_, division) = Self.run("tf.constant([1, 2, 3]) / 1.5")
    #expect(
      division?.message == "`x` and `y` must have the same dtype, got tf.int32 != tf.float32.")
    let (_, ragged) = Self.run("tf.constant([[1, 2], [3]])")
    #expect(ragged?.message == "Can't convert non-rectangular Python sequence to Tensor.")
    let (_, scalar) = Self.run("len(tf.constant(3))")
    #expect(scalar?.message == "Scalar tensor has no `len()`")
  }

  @Test func indexingSlicingAndFunctions() {
    let (text, error) = Self.run(
      """
      m = tf.constant([[1., 2.], [3., 4.]])
      print(m[:, 0], m[::-1][0], m[..., tf.newaxis].shape, m[1, 1])
      print(tf.reduce_sum(m, axis=0, keepdims=True), tf.argmax(m, axis=1))
      print(tf.stack([tf.constant([1, 2]), tf.constant([3, 4])], axis=1))
      print(tf.concat([m, m + 1], 1).shape, tf.split(tf.constant([1., 2., 3., 4.]), 2)[1])
      print(tf.pad(tf.constant([[1., 2.]]), tf.constant([[1, 0], [0, 1]])))
      print(tf.one_hot([0, 2], 3).shape, tf.shape(m), tf.size(m), tf.rank(m))
      print(tf.where(tf.constant([True, False]), tf.constant([1., 2.]), tf.constant([3., 4.])))
      print(tf.exp(tf.constant([-1., 0., 1.])))
      """)
    #expect(error == nil)
    #expect(
      text == """
        tf.Tensor([1. 3.], shape=(2,), dtype=float32) tf.Tensor([3. 4.], shape=(2,), dtype=float32) (2, 2, 1) tf.Tensor(4.0, shape=(), dtype=float32)
        tf.Tensor([[4. 6.]], shape=(1, 2), dtype=float32) tf.Tensor([1 1], shape=(2,), dtype=int64)
        tf.Tensor(
        [[1 3]
         [2 4]], shape=(2, 2), dtype=int32)
        (2, 4) tf.Tensor([3. 4.], shape=(2,), dtype=float32)
        tf.Tensor(
        [[0. 0. 0.]
         [1. 2. 0.]], shape=(2, 3), dtype=float32)
        (2, 3) tf.Tensor([2 2], shape=(2,), dtype=int32) tf.Tensor(4, shape=(), dtype=int32) tf.Tensor(2, shape=(), dtype=int32)
        tf.Tensor([1. 4.], shape=(2,), dtype=float32)
        tf.Tensor([0.36787945 1.         2.7182817 ], shape=(3,), dtype=float32)

        """)
  }

  @Test func variablesAssignInPlace() {
    let (text, error) = Self.run(
      """
      v = tf.Variable(2.0)
      print(v)
      print(v.assign_add(1.))
      print(v.numpy(), v.name, v.trainable, v + 1)
      w = tf.Variable(tf.zeros((2, 3)), name="w")
      w[:, 1].assign(tf.ones((2,)))
      w[0, 2].assign(5.)
      print(w)
      """)
    #expect(error == nil)
    #expect(
      text == """
        <tf.Variable 'Variable:0' shape=() dtype=float32, numpy=2.0>
        <tf.Variable 'UnreadVariable' shape=() dtype=float32, numpy=3.0>
        3.0 Variable:0 True tf.Tensor(4.0, shape=(), dtype=float32)
        <tf.Variable 'w:0' shape=(2, 3) dtype=float32, numpy=
        array([[0., 1., 5.],
               [0., 1., 0.]], dtype=float32)>

        """)
  }

  /// A float64 sum adds as TensorFlow's vectorized reducer does: 1.0 here, where adding left to
  /// right gives 0.9999999999999999.
  @Test func sumsAddInTensorFlowsOrder() {
    let (text, error) = Self.run(
      "s = tf.nn.softmax(tf.constant(np.array([1.0, 3.0, 4.0, 2.0])))\nprint(float(tf.reduce_sum(s)))"
    )
    #expect(error == nil)
    #expect(text == "1.0\n")
  }

  @Test func gradientTapesDifferentiateScalarFunctions() {
    let (text, error) = Self.run(
      """
      w1, w2 = tf.Variable(5.), tf.Variable(3.)
      with tf.GradientTape(persistent=True) as tape:
          z = 3 * w1 ** 2 + 2 * w1 * w2
      print(tape.gradient(z, [w1, w2]))
      c = tf.constant(2.)
      with tf.GradientTape() as tape:
          y = c * c
      print(tape.gradient(y, c))
      """)
    #expect(error == nil)
    #expect(
      text == """
        [<tf.Tensor: shape=(), dtype=float32, numpy=36.0>, <tf.Tensor: shape=(), dtype=float32, numpy=10.0>]
        None

        """)
  }

  @Test func gradientsThroughOperationsConvBookLacksAreRefused() {
    let (_, error) = Self.run(
      """
      w = tf.Variable([1., 2.])
      with tf.GradientTape() as tape:
          y = tf.reduce_sum(tf.nn.softmax(w))
      tape.gradient(y, w)
      """)
    #expect(error?.type == nil)
    #expect(error?.message == "ConvBook does not compute gradients through `tf.nn.softmax` yet")
  }
}
