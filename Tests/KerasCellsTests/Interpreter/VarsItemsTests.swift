import Testing

@testable import KerasCells

/// `vars(self)[name] = layer` in a Keras layer or model: the layer runs where `call` reads it,
/// Keras does not track it, and what would count or train the model's weights is refused.
struct VarsItemsTests {
  private let source = """
    import tensorflow as tf
    class Block(tf.keras.Model):
        def __init__(self):
            super().__init__()
            vars(self)['conv'] = tf.keras.layers.Conv2D(2, 3)
        def call(self, x):
            return vars(self)['conv'](x)
    block = Block()
    print(block(tf.zeros((1, 5, 5, 1))).shape, len(block.layers))

    """

  @Test func untrackedLayersRunButTheirWeightsAreNotCounted() {
    let runner = CellRunner()
    let (printed, error) = runner.run(source)
    #expect(error == nil)
    #expect(printed == "(1, 3, 3, 2) 0\n")
    for refused in ["block.summary()", "block.count_params()", "block.trainable_weights"] {
      let refusal = runner.run(refused).error
      #expect(refusal?.type == nil, "\(refused)")
      #expect(refusal?.message.contains("set through vars(self)") == true, "\(refused)")
    }
    // Other uses of a Keras object's __dict__ stay ConvBook's limitation.
    #expect(runner.run("print(vars(block))").error?.type == nil)
  }
}
