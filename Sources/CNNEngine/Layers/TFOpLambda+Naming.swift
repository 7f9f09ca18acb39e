extension TFOpLambda {
  /// The operation as the session's Keras records it, named by `names`: tf-keras' `TFOpLambda`
  /// layer (`tf.math.truediv_1`) or Keras 3's operation (`true_divide_1 (TrueDivide)`).
  public init(
    operation: Operation, names: NameScope, constant: Double? = nil, constantFirst: Bool = false
  ) {
    let keras3 = names.kerasVersion == .keras3
    self.init(
      operation: operation,
      name: names.uniqueName(keras3 ? operation.keras3Name : operation.rawValue),
      constant: constant, constantFirst: constantFirst, isKeras3Operation: keras3)
  }
}
