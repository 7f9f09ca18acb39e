import CNNEngine

/// A `tf.Variable`'s sparse updates (`ResourceVariable.scatter_*`), as TensorFlow 2.21's CPU
/// kernels make them: `scatter_nd_update` / `_add` / `_sub(indices, updates)` write
/// `updates[i]` at the position (or slice) `indices[i]` names (`[[0, 0], [1, 2]]`), and
/// `scatter_update` / `_add` / `_sub(sparse_delta)` write the rows of a `tf.IndexedSlices`
/// (`values[i]` into row `indices[i]`); in order, so a repeated index keeps the last update. An
/// index outside the variable is TensorFlow's InvalidArgumentError in its words, and the variable
/// is left as it was; updates of another shape than the indices select are ConvBook's
/// limitation (TensorFlow does not check them all). Each returns the variable as
/// `'UnreadVariable'`, as `assign` does.
extension EagerVariable {
  static let scatterMethods: Set<String> = [
    "scatter_nd_update", "scatter_nd_add", "scatter_nd_sub", "scatter_update", "scatter_add",
    "scatter_sub",
  ]

  func scatter(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite
  ) throws(CellError) -> Value {
    let range = site.range
    let rows = !name.hasPrefix("scatter_nd")
    let parameters =
      rows ? ["sparse_delta", "use_locking", "name"] : ["indices", "updates", "name"]
    let arguments = try EagerFunctions.bind(
      positional, keywords, parameters: parameters, function: name, range: range)
    let operation = String(name.split(separator: "_").last ?? "update")
    let kernel =
      "ResourceScatter" + (rows ? "" : "Nd") + operation.prefix(1).uppercased()
      + operation.dropFirst()
    let indicesValue: Value
    let updatesValue: Value
    if rows {
      guard let delta = arguments["sparse_delta"],
        case .standard(let slices as IndexedSlicesObject) = delta
      else {
        throw CellError(
          type: "TypeError",
          message:
            "Argument `sparse_delta` must be a `tf.IndexedSlices`. Received arg: \(PythonText.str(arguments["sparse_delta"] ?? .none))",
          range: range)
      }
      (indicesValue, updatesValue) = (slices.indices, slices.values)
    } else {
      guard let indices = arguments["indices"], let updates = arguments["updates"] else {
        throw CellError(
          type: "TypeError",
          message:
            "\(name)() missing 1 required positional argument: '\(arguments["indices"] == nil ? "indices" : "updates")'",
          range: range)
      }
      (indicesValue, updatesValue) = (indices, updates)
    }
    let indices = try EagerTensors.convert(
      indicesValue, dtype: nil, function: name, range: range)
    guard EagerDType(of: indices).isInteger, EagerDType(of: indices) != .uint8 else {
      throw .unsupported(
        "ConvBook does not support `tf.Variable.\(name)` with \(EagerDType(of: indices).rawValue) indices yet",
        at: range)
    }
    let current = array
    let shape = current.shape
    let depth = rows ? 1 : (indices.shape.last ?? 0)
    guard rows ? indices.rank <= 1 : indices.rank >= 1, depth >= 1, depth <= shape.count else {
      throw .unsupported(
        "ConvBook does not support `tf.Variable.\(name)` with indices of shape \(EagerTensors.shapeText(indices.shape)) on a variable of shape \(EagerTensors.shapeText(shape)) yet",
        at: range)
    }
    let outer = rows ? indices.shape : Array(indices.shape.dropLast())
    let updates = try EagerTensors.convert(
      updatesValue, dtype: EagerDType(of: current), function: name, range: range)
    guard updates.shape == outer + shape[depth...] else {
      throw .unsupported(
        "ConvBook does not support `tf.Variable.\(name)` with updates of shape \(EagerTensors.shapeText(updates.shape)) for indices of shape \(EagerTensors.shapeText(indices.shape)) on a variable of shape \(EagerTensors.shapeText(shape)) yet",
        at: range)
    }
    let positions = indices.count / depth
    let sliceSize = shape[depth...].reduce(1, *)
    var strides = [Int](repeating: sliceSize, count: depth)
    for axis in stride(from: depth - 2, through: 0, by: -1) {
      strides[axis] = strides[axis + 1] * shape[axis + 1]
    }
    let given = EagerTensors.doubles(indices)
    var offsets: [Int] = []
    for position in 0..<positions {
      let index = given[(position * depth)..<((position + 1) * depth)].map { Int($0) }
      if rows {
        guard index[0] >= 0, index[0] < shape[0] else {
          throw EagerArithmetic.kernelError(
            kernel, "indices[\(position)] = \(index[0]) is not in [0, \(shape[0]))", named: false,
            range: range)
        }
      } else if zip(index, shape).contains(where: { $0 < 0 || $0 >= $1 }) {
        throw EagerArithmetic.kernelError(
          kernel,
          "indices[\(position)] = [\(index.map(String.init).joined(separator: ", "))] does not index into shape [\(shape.map(String.init).joined(separator: ","))]",
          named: false, range: range)
      }
      offsets.append(zip(index, strides).reduce(0) { $0 + $1.0 * $1.1 })
    }
    var values = EagerTensors.doubles(current)
    let changes = EagerTensors.doubles(updates)
    for (position, offset) in offsets.enumerated() {
      for element in 0..<sliceSize {
        let change = changes[position * sliceSize + element]
        switch operation {
        case "add": values[offset + element] += change
        case "sub": values[offset + element] -= change
        default: values[offset + element] = change
        }
      }
    }
    array = try EagerTensors.make(
      EagerDType(of: current), shape: shape, values: values, range: range)
    return .standard(
      EagerVariable(array: array, name: self.name, trainable: trainable, id: id, isUnread: true))
  }
}
