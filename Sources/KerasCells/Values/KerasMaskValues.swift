/// The `_keras_mask` an eager tensor carries: Keras sets it on the output of a layer run on data
/// when the layer makes a mask (`Embedding(mask_zero=True)`, `Masking`) or passes its input's on.
/// Whether each position holds data, row-major over `shape` (the output's leading axes).
public struct KerasMaskValues: Sendable, Equatable {
  public var shape: [Int]
  public var values: [Bool]

  public init(shape: [Int], values: [Bool]) {
    self.shape = shape
    self.values = values
  }
}
