import CNNEngine

/// `tf.boolean_mask(tensor, mask, axis=None)` and `tensor[mask]` of an eager tensor with a whole
/// boolean tensor or NumPy array as the index (TensorFlow's `__getitem__` hands such an index to
/// `boolean_mask`): the values of `tensor` where `mask` is nonzero, the mask's axes (starting at
/// `axis`) flattened into one of that many values. Recorded on the tapes that follow `tensor`, its
/// gradient the output's scattered back to the places the values came from (TensorFlow's gather
/// gradient).
enum EagerBooleanMask {
  static func call(
    positional: [Value], keywords: [(String, Value)], path: String, site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value {
    let range = site.range
    let arguments = try EagerFunctions.bind(
      positional, keywords, parameters: ["tensor", "mask", "axis", "name"],
      function: "boolean_mask_v2", range: range)
    guard let tensorValue = arguments["tensor"], let maskValue = arguments["mask"] else {
      let missing = arguments["tensor"] == nil ? "'tensor' and 'mask'" : "'mask'"
      let count =
        arguments["tensor"] == nil
        ? "2 required positional arguments" : "1 required positional argument"
      throw CellError(
        type: "TypeError", message: "boolean_mask_v2() missing \(count): \(missing)",
        range: range)
    }
    var axis = 0
    switch arguments["axis"] {
    case nil, .none?: break
    case .int(let given)? where given >= 0: axis = given
    case let other?:
      throw .unsupported(
        "ConvBook does not support `\(path)` with `axis=\(PythonText.repr(other))` yet (a whole number from 0 up)",
        at: range)
    }
    let tensor = try EagerTensors.convert(tensorValue, dtype: nil, function: path, range: range)
    let mask = try EagerTensors.convert(maskValue, dtype: nil, function: path, range: range)
    return try masked(tensor, mask, axis: axis, interpreter: interpreter, range: range)
  }

  /// `tensor[index]` when the whole index is a boolean eager tensor or NumPy array; nil otherwise.
  static func subscripted(
    _ tensor: NDArray, _ index: Value, interpreter: Interpreter, range: SourceRange
  ) throws(CellError) -> Value? {
    guard case .array(let mask) = index, mask.dtype == .bool else { return nil }
    return try masked(tensor, mask, axis: 0, interpreter: interpreter, range: range)
  }

  static func masked(
    _ tensor: NDArray, _ mask: NDArray, axis: Int, interpreter: Interpreter, range: SourceRange
  ) throws(CellError) -> Value {
    guard mask.rank > 0 else {
      throw CellError(type: "ValueError", message: "mask cannot be scalar.", range: range)
    }
    let shape = tensor.shape
    let span = Array(shape[min(axis, shape.count)..<min(axis + mask.rank, shape.count)])
    guard span == mask.shape else {
      throw CellError(
        type: "ValueError",
        message:
          "Shapes \(EagerTensors.shapeText(span)) and \(EagerTensors.shapeText(mask.shape)) are incompatible",
        range: range)
    }
    let outer = shape[..<axis].reduce(1, *)
    let inner = shape[(axis + mask.rank)...].reduce(1, *)
    let selected = (0..<mask.count).filter { mask.value(at: $0) != 0 }
    var offsets: [Int] = []
    offsets.reserveCapacity(outer * selected.count * inner)
    for block in 0..<outer {
      for position in selected {
        let start = (block * mask.count + position) * inner
        offsets.append(contentsOf: start..<(start + inner))
      }
    }
    let values = EagerTensors.doubles(tensor)
    let dtype = EagerDType(of: tensor)
    var result = try EagerTensors.make(
      dtype, shape: Array(shape[..<axis]) + [selected.count] + Array(shape[(axis + mask.rank)...]),
      values: offsets.map { values[$0] }, range: range)
    result.derivesFromOwnDraw = tensor.derivesFromOwnDraw
    result.holdsOwnRandomValues = tensor.holdsOwnRandomValues
    let count = tensor.count
    return EagerGradients.record(
      .array(result), inputs: [.array(tensor), .array(mask)], name: "tf.boolean_mask",
      interpreter: interpreter,
      backward: EagerGradients.scatteredBack(
        to: offsets, count: count, dtype: dtype, shape: shape))
  }
}
