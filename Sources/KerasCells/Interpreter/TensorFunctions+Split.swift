import CNNEngine

extension TensorFunctions {
  /// `tf.split(x, n_or_sizes, axis)` / `tf.unstack(x, num, axis)` (Keras 3: `keras.ops.split(x,
  /// indices_or_sections, axis)` / `keras.ops.unstack`) on a Keras tensor: one `TensorSplit` call
  /// whose outputs Python gets as a list.
  static func split(
    _ entry: Entry, _ x: KerasTensor, _ arguments: [String: Value], path: String,
    interpreter: Interpreter, range: SourceRange
  ) throws(CellError) -> Value {
    let keras = entry.isKerasOperation
    let unstack: Bool
    if case .unstack = entry.kind { unstack = true } else { unstack = false }
    func limitation(_ what: String) -> CellError {
      .unsupported("ConvBook does not support `\(path)` \(what) yet", at: range)
    }
    /// tf-keras' error of the TFOpLambda, with the call's arguments after it.
    func tensorFlowError(_ name: String, _ message: String) -> CellError {
      let error = CellError(
        type: "ValueError",
        message:
          "Exception encountered when calling layer \"\(name)\" (type TFOpLambda): \(message)",
        range: range)
      return withCallArguments(error, entry: entry, arguments: arguments)
    }
    let rank = x.shape.rank
    guard case .int(let given)? = arguments["axis"] else {
      throw limitation("with `axis=\(PythonText.repr(arguments["axis"] ?? .none))`")
    }
    let axis = given < 0 ? given + rank : given
    let names = interpreter.kerasNames
    let keras3 = interpreter.kerasVersion == .keras3
    // The layer's name is taken when the call is made, whether or not it fails.
    let name =
      interpreter.session.lambdaTracingDepth > 0
      ? interpreter.session.tracedOperationName(entry.tfName) : names.uniqueName(entry.tfName)
    guard (0..<rank).contains(axis) else {
      if keras {
        throw CellError(
          type: "ValueError",
          message: "axis \(given) is out of bounds for an array with dimension \(rank).",
          range: range)
      }
      throw limitation("with `axis=\(given)` outside the tensor's \(rank) axes")
    }
    guard let size = x.shape.dimensions[axis] else {
      if unstack, case Value.none? = arguments["num"] {
        let message = "Cannot infer argument `num` from shape \(x.shape)"
        if keras {
          throw CellError(
            type: "ValueError",
            message:
              message
              + ". Either provide a tensor with a concrete shape in the `axis` dimension or explicitly pass the `num` argument.",
            range: range)
        }
        throw tensorFlowError(name, message)
      }
      throw limitation("along an axis of unknown size (axis \(axis) of \(x.shape))")
    }
    let pieces: TensorSplit.Pieces
    if unstack {
      if case .int(let num)? = arguments["num"], num != size {
        if keras { throw limitation("with `num=\(num)` on an axis of size \(size)") }
        throw tensorFlowError(
          name,
          "Dimension must be \(num) but is \(size) for '{{node \(name)/unstack}} = Unpack[T=DT_FLOAT, axis=\(axis), num=\(num)](Placeholder)' with input shapes: \(tensorFlowShape(x.shape))."
        )
      }
      guard size > 0 else { throw limitation("on an axis of size 0") }
      pieces = .positions(size)
    } else {
      let parameter = entry.parameters[1]
      switch arguments[parameter] {
      case .int(let count)?:
        guard count > 0 else { throw limitation("into \(count) pieces") }
        guard size % count == 0 else {
          if keras {
            throw CellError(
              type: "ValueError",
              message:
                "`x` size on given `axis` must be divisible by `indices_or_sections` when `indices_or_sections` is an int. But received \(size) and \(count).",
              range: range)
          }
          throw tensorFlowError(
            name,
            "Dimension size must be evenly divisible by \(count) but is \(size)\n\tNumber of ways to split should evenly divide the split dimension for '{{node \(name)/split}} = Split[T=DT_FLOAT, num_split=\(count)](\(name)/split/split_dim, Placeholder)' with input shapes: [], \(tensorFlowShape(x.shape)) and with computed input tensors: input[0] = <\(axis)>."
          )
        }
        pieces = .sizes(Array(repeating: size / count, count: count))
      case let value?:
        guard let items = value.sequenceItems, !items.isEmpty else {
          throw limitation("with `\(parameter)=\(PythonText.repr(value))`")
        }
        var numbers: [Int] = []
        for item in items {
          guard case .int(let number) = item else {
            throw limitation("with `\(parameter)=\(PythonText.repr(value))`")
          }
          numbers.append(number)
        }
        if keras {
          // Split points: sizes are the gaps between them (NumPy's `array_split` of indices).
          var sizes: [Int] = []
          var start = 0
          for point in numbers + [size] {
            let stop = min(max(point < 0 ? point + size : point, start), size)
            sizes.append(stop - start)
            start = stop
          }
          guard sizes.allSatisfy({ $0 > 0 }) else {
            throw limitation("with split points that make an empty piece")
          }
          pieces = .sizes(sizes)
        } else {
          // Sizes, one of which may be -1 (the rest of the axis).
          var sizes = numbers
          let known = sizes.filter { $0 != -1 }
          if let open = sizes.firstIndex(of: -1), sizes.filter({ $0 == -1 }).count == 1 {
            sizes[open] = size - known.reduce(0, +)
          }
          guard sizes.allSatisfy({ $0 > 0 }), sizes.reduce(0, +) == size else {
            throw limitation("with sizes \(PythonText.repr(value)) on an axis of size \(size)")
          }
          pieces = .sizes(sizes)
        }
      case nil:
        throw CellError(
          type: "TypeError",
          message:
            "split() missing 1 required positional argument: '\(parameter)'",
          range: range)
      }
    }
    if interpreter.session.lambdaTracingDepth > 0 {
      // Inside a Lambda's function or a custom layer's call: one slice per piece, so that the
      // traced program keeps one output per operation.
      let before = [TensorSlice.Item](
        repeating: .range(start: nil, stop: nil, step: nil), count: axis)
      var slices: [TensorSlice] = []
      switch pieces {
      case .positions(let count):
        slices = (0..<count).map { TensorSlice(before + [.index($0)]) }
      case .sizes(let sizes):
        var start = 0
        for size in sizes {
          slices.append(TensorSlice(before + [.range(start: start, stop: start + size, step: nil)]))
          start += size
        }
      }
      var outputs: [Value] = []
      for slice in slices {
        outputs.append(
          .kerasTensor(
            try apply(
              .slice(slice), "tf.__operators__.getitem", [x], interpreter: interpreter,
              range: range)))
      }
      return .list(PythonList(outputs))
    }
    let instance = LayerInstance(
      TensorSplit(axis: axis, pieces: pieces, name: name, isKeras3Operation: keras3))
    interpreter.recordOrigin(of: instance, at: range)
    do {
      let outputs = try KerasTensor.call(instance, on: [x], asList: true, names: names)
      return Calls.value(of: outputs)
    } catch {
      throw Calls.keras(error, at: range)
    }
  }

  /// TensorFlow's text of a static shape in its messages: `[?,8,8,6]`.
  private static func tensorFlowShape(_ shape: TensorShape) -> String {
    "[" + shape.dimensions.map { $0.map(String.init) ?? "?" }.joined(separator: ",") + "]"
  }
}
