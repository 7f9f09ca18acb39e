import CNNEngine

/// `preprocess_input` of a `keras.applications` module on a NumPy array, as Keras'
/// `_preprocess_numpy_input` computes it: an array of integers becomes a float32 copy first; a
/// float array is changed in place (`x /= 127.5; x -= 1.0`), so the caller's array holds the
/// result too. Caffe mode returns a view with the channels reversed (`x = x[..., ::-1]`) and
/// subtracts each mean through it, so the caller's array keeps its channel order with the means
/// of the reversed one taken away.
extension ApplicationCalls {
  /// The array `preprocess_input` returns and what the argument holds afterwards (nil: the
  /// argument is left as it was, for an array of integers).
  static func numpyPreprocess(
    _ given: NDArray, mode: String, path: String, range: SourceRange, budget: EvaluationBudget
  ) throws(CellError) -> (result: NDArray, argument: NDArray?) {
    let inPlace = given.dtype.isFloat
    let x = inPlace ? given : try ArrayOperations.convert(given, to: .float32, range: range)
    func step(_ array: NDArray, _ operation: BinaryOperator, _ constants: [Double])
      throws(CellError) -> NDArray
    {
      // A Python float beside a float array is rounded to the array's dtype (per channel here).
      let operand = NDArray(
        dtype: array.dtype, shape: constants.count == 1 ? [] : [constants.count],
        doubles: constants)
      guard
        // Subtracting means and dividing by scales: elementwise, the same on either engine.
        case .array(let result) = try ArrayInPlace.apply(
          operation, array, .array(operand), engine: .eigen, range: range, budget: budget)
      else { return array }
      return result
    }
    switch mode {
    case "tf":
      let result = try step(try step(x, .divide, [127.5]), .subtract, [1])
      return (result, inPlace ? result : nil)
    case "caffe", "torch":
      guard x.shape.last == 3 else {
        throw .unsupported(
          "ConvBook runs \(path) on arrays of 3 channels (RGB images); this one has shape \(ArrayOperations.shapeText(x.shape))",
          at: range)
      }
      if mode == "torch" {
        let scaled = try step(x, .divide, [255])
        let centered = try step(scaled, .subtract, [0.485, 0.456, 0.406])
        let result = try step(centered, .divide, [0.229, 0.224, 0.225])
        return (result, inPlace ? result : nil)
      }
      // The means of B, G, R taken from the reversed channels: R, G, B here.
      let changed = try step(x, .subtract, [123.68, 116.779, 103.939])
      var index = [Value](repeating: .slice(start: nil, stop: nil, step: nil), count: x.rank)
      index[x.rank - 1] = .slice(start: nil, stop: nil, step: -1)
      guard
        case .array(let reversed) = try ArrayOperations.subscriptValue(
          changed, .tuple(index), range: range, budget: budget)
      else { return (changed, inPlace ? changed : nil) }
      return (reversed, inPlace ? changed : nil)
    default:
      throw CellError(
        type: "ValueError",
        message: "Expected mode to be one of `caffe`, `tf` or `torch`. Received: mode=\(mode)",
        range: range)
    }
  }
}
