import CNNEngine

extension Keras3Wording {
  /// Keras 3 checks sizes with `isinstance(value, int)`, which a NumPy integer (`np.int64(784)`,
  /// what `np.max(...) + 1` or `tf.reduce_prod(shape).numpy()` give) fails, so `Dense(n)` and
  /// `Embedding(n, 8)` refuse it before the layer takes a name; tf-keras and ConvBook's engine take
  /// it as the number it stands for. Reads the Python values, before they become Keras arguments.
  static func numpyIntegerRefusal(
    className: String, positional: [Value], keywords: [(String, Value)]
  ) -> KerasError? {
    func numpyInteger(_ name: String, position: Int) -> NumPyScalar? {
      let value =
        keywords.first { $0.0 == name }?.1
        ?? (position < positional.count ? positional[position] : nil)
      guard case .standard(let scalar as NumPyScalar)? = value, scalar.dtype.isInteger else {
        return nil
      }
      return scalar
    }
    switch className {
    case "Dense":
      guard let units = numpyInteger("units", position: 0) else { return nil }
      return .value(
        "Received an invalid value for `units`, expected a positive integer. Received: units=\(units.str { PythonText.str($0) })"
      )
    case "Embedding":
      for (position, name) in ["input_dim", "output_dim"].enumerated() {
        guard let size = numpyInteger(name, position: position) else { continue }
        return .value(
          "`\(name)` must be a positive integer. Received: \(name)=\(size.str { PythonText.str($0) }) (of type \(size.typeName))."
        )
      }
      return nil
    default:
      return nil
    }
  }
}
