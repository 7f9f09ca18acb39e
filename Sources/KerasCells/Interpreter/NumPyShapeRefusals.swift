/// tf-keras' `model.build(input_shape=...)` reads a shape whose dimensions are all Python ints
/// (`_is_shape_component` checks `isinstance(value, int)`): with a NumPy integer in it
/// (`(None, np.prod(image_size))`), the tuple is taken for a structure of shapes and fails as
/// tf-keras fails (measured with tf-keras 2.21). Keras 3 takes NumPy integers there.
enum NumPyShapeRefusals {
  static func checkBuildShape(_ shape: Value, interpreter: Interpreter, range: SourceRange)
    throws(CellError)
  {
    guard interpreter.kerasVersion == .keras2, let items = shape.sequenceItems else { return }
    let numpy = items.filter {
      if case .standard(let scalar as NumPyScalar) = $0 { scalar.dtype.isInteger } else { false }
    }
    guard let first = numpy.first else { return }
    if items.contains(where: \.isNone) {
      throw CellError(
        type: "ValueError", message: "as_list() is not defined on an unknown TensorShape.",
        range: range)
    }
    if numpy.count == items.count, case .standard(let scalar as NumPyScalar) = first {
      throw CellError(
        type: "ValueError",
        message:
          "Received non-atomic and non-sequence element: \(PythonText.str(first)) of type <class 'numpy.\(scalar.dtype.rawValue)'>",
        range: range)
    }
  }
}
