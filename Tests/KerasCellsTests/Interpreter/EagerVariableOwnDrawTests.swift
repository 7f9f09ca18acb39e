import Testing

@testable import KerasCells

/// A `tf.Variable` made from an unseeded draw holds ConvBook's own values: what is computed from
/// it (arithmetic, `tf.matmul`) carries the mark, and printing it is refused.
struct EagerVariableOwnDrawTests {
  @Test func computingWithAnUnseededVariableIsMarked() {
    for expression in ["v * 2.0", "tf.matmul(tf.ones((1, 2)), v)", "tf.reduce_sum(v + v)"] {
      let error = CellRunner().run(
        "import tensorflow as tf\nv = tf.Variable(tf.random.normal((2, 2)))\nprint(\(expression))"
      ).error
      #expect(error?.type == nil, "\(expression)")
      #expect(error?.message.contains("own random draw") == true, "\(expression)")
    }
    let shape = CellRunner().run(
      "import tensorflow as tf\nv = tf.Variable(tf.random.normal((2, 2)))\nprint((v * 2.0).shape)")
    #expect(shape.error == nil)
    #expect(shape.printed == "(2, 2)\n")
  }
}
