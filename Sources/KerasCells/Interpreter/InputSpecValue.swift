import CNNEngine

/// `keras.layers.InputSpec(...)`: what a layer requires of its inputs (rank, sizes of some axes,
/// the whole shape), as a custom layer sets it in `self.input_spec` (after `Layer.__init__`,
/// which sets `input_spec` to None: one assigned before `super().__init__()` has no effect). At
/// each call on Keras tensors, Keras checks the inputs against it before building the layer
/// (`assert_input_compatibility`), in tf-keras' words here (`Keras3Wording` gives Keras 3's).
final class InputSpecValue: StandardObject {
  let dtype: Value
  let shape: [Int?]?
  let ndim: Int?
  let maxNdim: Int?
  let minNdim: Int?
  /// `axes={-1: 3}`, in the order given.
  let axes: [(Int, Int?)]

  init(
    dtype: Value, shape: [Int?]?, ndim: Int?, maxNdim: Int?, minNdim: Int?, axes: [(Int, Int?)]
  ) {
    self.dtype = dtype
    self.shape = shape
    self.ndim = shape.map(\.count) ?? ndim
    self.maxNdim = maxNdim
    self.minNdim = minNdim
    self.axes = axes
  }

  override var typeName: String { "InputSpec" }

  private var shapeValue: Value {
    shape.map { .tuple($0.map { $0.map(Value.int) ?? .none }) } ?? .none
  }

  private var axesValue: Value {
    .dictionary(PythonDict(axes.map { (.int($0.0), $0.1.map(Value.int) ?? .none) }))
  }

  /// Keras' `__repr__` (both versions): the settings that are set, in this order.
  override func repr(_ item: (Value) -> String) -> String {
    var parts: [String] = []
    if !dtype.isNone { parts.append("dtype=" + PythonText.str(dtype)) }
    if shape != nil { parts.append("shape=" + item(shapeValue)) }
    if let ndim, ndim != 0 { parts.append("ndim=\(ndim)") }
    if let maxNdim, maxNdim != 0 { parts.append("max_ndim=\(maxNdim)") }
    if let minNdim, minNdim != 0 { parts.append("min_ndim=\(minNdim)") }
    if !axes.isEmpty { parts.append("axes=" + item(axesValue)) }
    return "InputSpec(" + parts.joined(separator: ", ") + ")"
  }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    switch name {
    case "dtype": return dtype
    case "shape": return shapeValue
    case "ndim": return ndim.map(Value.int) ?? Value.none
    case "max_ndim": return maxNdim.map(Value.int) ?? Value.none
    case "min_ndim": return minNdim.map(Value.int) ?? Value.none
    case "axes": return axesValue
    case "allow_last_axis_squeeze": return .bool(false)
    case "name": return Value.none
    default: return nil
    }
  }

  /// `InputSpec(dtype=None, shape=None, ndim=None, max_ndim=None, min_ndim=None, axes=None,
  /// allow_last_axis_squeeze=False, name=None)` (Keras 3 adds `optional=False`).
  static func make(
    positional: [Value], keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    var order = [
      "dtype", "shape", "ndim", "max_ndim", "min_ndim", "axes", "allow_last_axis_squeeze", "name",
    ]
    if interpreter.kerasVersion == .keras3 { order.append("optional") }
    guard positional.count <= order.count else {
      throw CellError(
        type: "TypeError",
        message:
          "InputSpec.__init__() takes from 1 to \(order.count + 1) positional arguments but \(positional.count + 1) were given",
        range: site.range)
    }
    var arguments: [String: Value] = [:]
    for (label, value) in zip(order, positional) { arguments[label] = value }
    for (label, value) in keywords {
      guard order.contains(label) else {
        throw CellError(
          type: "TypeError",
          message: "InputSpec.__init__() got an unexpected keyword argument '\(label)'",
          range: site.range)
      }
      guard arguments[label] == nil else {
        throw CellError(
          type: "TypeError",
          message: "InputSpec.__init__() got multiple values for argument '\(label)'",
          range: site.range)
      }
      arguments[label] = value
    }
    func refuse(_ label: String) -> CellError {
      .unsupported(
        "ConvBook supports InputSpec(\(label)=...) given as \(label == "axes" ? "a dict of axis: size" : label == "shape" ? "a tuple of sizes" : "an int") only",
        at: site.range)
    }
    func integer(_ label: String) throws(CellError) -> Int? {
      switch arguments[label] ?? .none {
      case .none: return nil
      case .int(let value): return value
      default: throw refuse(label)
      }
    }
    var shape: [Int?]?
    if let given = arguments["shape"], !given.isNone {
      guard let items = given.sequenceItems ?? given.tensorShapeAsTuple.sequenceItems else {
        throw refuse("shape")
      }
      var sizes: [Int?] = []
      for item in items {
        switch item {
        case .int(let size): sizes.append(size)
        case .none: sizes.append(nil)
        default: throw refuse("shape")
        }
      }
      shape = sizes
    }
    var axes: [(Int, Int?)] = []
    if let given = arguments["axes"], !given.isNone {
      guard case .dictionary(let dictionary) = given else { throw refuse("axes") }
      for (key, value) in dictionary.pairs {
        guard case .int(let axis) = key else { throw refuse("axes") }
        switch value {
        case .int(let size): axes.append((axis, size))
        case .none: axes.append((axis, nil))
        default: throw refuse("axes")
        }
      }
    }
    for label in ["allow_last_axis_squeeze", "optional"] where arguments[label]?.isTruthy == true {
      throw .unsupported("ConvBook does not support InputSpec(\(label)=True) yet", at: site.range)
    }
    if let name = arguments["name"], !name.isNone {
      throw .unsupported("ConvBook does not support InputSpec(name=...) yet", at: site.range)
    }
    return .standard(
      InputSpecValue(
        dtype: arguments["dtype"] ?? .none, shape: shape, ndim: try integer("ndim"),
        maxNdim: try integer("max_ndim"), minNdim: try integer("min_ndim"), axes: axes))
  }

  /// Keras' check of the inputs of a custom layer's call against its `input_spec` (one spec, or
  /// a list of one per input); nothing when it has none.
  static func check(
    _ instance: PythonInstance, inputs: [KerasTensor], layerName: String, site: CallSite
  ) throws(CellError) {
    let specs: [InputSpecValue]
    switch instance.attributes["input_spec"] {
    case .standard(let spec as InputSpecValue)?: specs = [spec]
    case .list(let list)?:
      specs = list.items.compactMap {
        if case .standard(let s as InputSpecValue) = $0 { s } else { nil }
      }
      guard specs.count == list.items.count else { return }
    case .tuple(let items)?:
      specs = items.compactMap {
        if case .standard(let s as InputSpecValue) = $0 { s } else { nil }
      }
      guard specs.count == items.count else { return }
    default: return
    }
    guard !specs.isEmpty else { return }
    guard specs.count == inputs.count else {
      throw .unsupported(
        "ConvBook checks an input_spec of one InputSpec per input only; \(instance.type.name) has \(specs.count) for \(inputs.count) input(s)",
        at: site.range)
    }
    for (index, (spec, input)) in zip(specs, inputs).enumerated() {
      if let message = spec.incompatibility(input.shape, index: index, layerName: layerName) {
        throw CellError(type: "ValueError", message: message, range: site.range)
      }
    }
  }

  /// tf-keras' `assert_input_compatibility` message for an input of `shape`, or nil.
  private func incompatibility(_ shape: TensorShape, index: Int, layerName: String) -> String? {
    let prefix = "Input \(index) of layer \"\(layerName)\" is incompatible with the layer: "
    let rank = shape.rank
    if let ndim, rank != ndim {
      return prefix + "expected ndim=\(ndim), found ndim=\(rank). Full shape received: \(shape)"
    }
    if let maxNdim, rank > maxNdim {
      return prefix + "expected max_ndim=\(maxNdim), found ndim=\(rank)"
    }
    if let minNdim, rank < minNdim {
      return prefix
        + "expected min_ndim=\(minNdim), found ndim=\(rank). Full shape received: \(shape)"
    }
    for (axis, expected) in axes {
      guard let expected else { continue }
      let position = axis < 0 ? rank + axis : axis
      guard position >= 0, position < rank else { continue }
      if let size = shape[position], size != expected {
        return prefix
          + "expected axis \(axis) of input shape to have value \(expected), but received input with shape \(shape)"
      }
    }
    if let expected = self.shape {
      for (wanted, size) in zip(expected, shape.dimensions) {
        if let wanted, let size, wanted != size {
          let text = TensorShape(expected)
          return prefix + "expected shape=\(text), found shape=\(shape)"
        }
      }
    }
    return nil
  }
}
