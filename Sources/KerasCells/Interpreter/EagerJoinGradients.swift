import CNNEngine

/// Operations that move values, on followed tensors: `tf.concat` / `tf.stack` (a conditional
/// GAN's `tf.concat([fake_images, labels], -1)` inside the generator's tape), recorded with each
/// part as an input whose gradient is its slice of the output's gradient along the joined axis;
/// and `t[...]` (a strided slice), whose input gradient is the output's scattered back to the
/// places the values came from.
extension EagerGradients {
  /// The backward pass of an operation that picks values of its first input (`tf.gather`,
  /// `tf.boolean_mask`): output value k came from input value `offsets[k]`, so the gradient adds
  /// each output's gradient there (values picked twice sum) and the other input gets none.
  static func scatteredBack(
    to offsets: [Int], count: Int, dtype: EagerDType, shape: [Int]
  ) -> Backward {
    { (g: Value, _: Interpreter, r: SourceRange) throws(CellError) -> [Value?] in
      guard let gradient = EagerTensors.operand(g) else { return [nil, nil] }
      var spread = [Double](repeating: 0, count: count)
      for (value, offset) in zip(EagerTensors.doubles(gradient), offsets) {
        spread[offset] += value
      }
      var scattered = try EagerTensors.make(dtype, shape: shape, values: spread, range: r)
      scattered.traceID = nil
      return [.array(scattered), nil]
    }
  }

  /// `tensor[index]` of an eager tensor.
  static func indexed(
    _ array: NDArray, _ index: Value, range: SourceRange, interpreter: Interpreter
  ) throws(CellError) -> Value {
    let result = try EagerIndexing.subscriptValue(array, index, range: range)
    guard !interpreter.session.eagerTapes.active.isEmpty, array.traceID != nil else {
      return result
    }
    let (_, offsets) = try EagerIndexing.select(index, shape: array.shape, range: range)
    let shape = array.shape
    let dtype = EagerDType(of: array)
    return record(
      result, inputs: [.array(array)], name: "indexing", interpreter: interpreter,
      backward: { (g: Value, _: Interpreter, r: SourceRange) throws(CellError) -> [Value?] in
        guard let gradient = EagerTensors.operand(g) else { return [nil] }
        var values = [Double](repeating: 0, count: shape.reduce(1, *))
        for (value, offset) in zip(gradient.scalars, offsets) { values[offset] += Double(value) }
        var spread = try EagerTensors.make(dtype, shape: shape, values: values, range: r)
        spread.traceID = nil
        return [.array(spread)]
      })
  }

  static func joined(
    _ result: Value, parts given: Value?, axis: Value?, stack: Bool, interpreter: Interpreter
  ) -> Value {
    guard let parts = given?.sequenceItems, case .array(let output) = result else { return result }
    let arrays = parts.map { EagerTensors.operand($0) ?? numpyArray($0) }
    guard arrays.allSatisfy({ $0 != nil }) else {
      return record(
        result, inputs: parts, name: "tf.concat", interpreter: interpreter, backward: nil)
    }
    let shapes = arrays.map { $0!.shape }
    let rank = output.shape.count
    var position = 0
    if case .int(let given)? = axis { position = given < 0 ? given + rank : given }
    if axis == nil && stack { position = 0 }
    guard position >= 0 && position < rank else {
      return record(
        result, inputs: parts, name: "tf.concat", interpreter: interpreter, backward: nil)
    }
    let sizes = shapes.map { stack ? 1 : $0[position] }
    let outputShape = output.shape
    let backward: Backward = {
      (g: Value, _: Interpreter, r: SourceRange) throws(CellError) -> [Value?] in
      guard let gradient = EagerTensors.operand(g) else { return parts.map { _ in nil } }
      let values = gradient.scalars
      let outer = outputShape[..<position].reduce(1, *)
      let inner = outputShape[(position + 1)...].reduce(1, *)
      let total = outputShape[position]
      var start = 0
      var result: [Value?] = []
      for (size, shape) in zip(sizes, shapes) {
        var slice = [Double]()
        slice.reserveCapacity(outer * size * inner)
        for o in 0..<outer {
          let base = (o * total + start) * inner
          for k in 0..<(size * inner) { slice.append(Double(values[base + k])) }
        }
        start += size
        var part = try EagerTensors.make(
          EagerDType(of: gradient), shape: shape, values: slice, range: r)
        part.traceID = nil
        result.append(.array(part))
      }
      return result
    }
    return record(
      result, inputs: parts, name: stack ? "tf.stack" : "tf.concat", interpreter: interpreter,
      backward: backward)
  }

  private static func numpyArray(_ value: Value) -> NDArray? {
    if case .array(let array) = value { return array }
    return nil
  }
}
