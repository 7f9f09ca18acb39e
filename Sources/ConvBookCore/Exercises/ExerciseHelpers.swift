import CNNEngine
import KerasCells

/// The functions exercise expressions may call on top of the cell language, bound as names while
/// answers and requirements are evaluated (never inside cells, so lessons stay plain Keras):
///
/// - `uses(model, "Flatten")`: whether any layer of `model` is of that class (aliases such as
///   `MaxPool2D` are accepted; a class object such as `layers.Flatten` works too);
/// - `count(model, "Add")`: how many layers of `model` are of that class (same names as `uses`);
/// - `macs(model)`: multiply-accumulates of one sample through the model (or one layer), as the
///   summary's MACs column counts them;
/// - `params(model)`: `model.count_params()`, also for a layer.
public enum ExerciseHelpers {
  /// The helper names and their functions.
  public static var names: [String: Value] {
    [
      "uses": HostFunction(name: "uses", body: uses).value,
      "count": HostFunction(name: "count", body: count).value,
      "macs": HostFunction(name: "macs", body: macs).value,
      "params": HostFunction(name: "params", body: params).value,
    ]
  }

  private static func uses(_ call: HostFunction.Call) throws(CellError) -> Value {
    try requireArguments(call, count: 2, name: "uses", usage: "uses(model, \"LayerClass\")")
    let model = try requireModel(call, name: "uses")
    let className = try layerClassName(call, name: "uses")
    if className == "InputLayer" { return .bool(model.inputLayer != nil) }
    return .bool(model.layers.contains { $0.className == className })
  }

  private static func count(_ call: HostFunction.Call) throws(CellError) -> Value {
    try requireArguments(call, count: 2, name: "count", usage: "count(model, \"LayerClass\")")
    let model = try requireModel(call, name: "count")
    let className = try layerClassName(call, name: "count")
    if className == "InputLayer" { return .int(model.inputLayer != nil ? 1 : 0) }
    return .int(model.layers.count { $0.className == className })
  }

  /// The canonical Keras class name the second argument of `uses`/`count` names.
  private static func layerClassName(_ call: HostFunction.Call, name: String) throws(CellError)
    -> String
  {
    switch call.positional[1] {
    case .string(let written):
      guard let canonical = LayerCatalog.canonicalName(written) else {
        throw CellError(
          type: "ValueError",
          message:
            "\(name)(): '\(written)' is not a Keras layer class (e.g. \"Flatten\", \"Conv2D\")",
          range: call.rangeOfArgument(1))
      }
      return canonical
    case .function(let callable) where callable.layerClassName != nil:
      return callable.layerClassName ?? ""
    default:
      throw CellError(
        type: "TypeError",
        message:
          "\(name)() expects a layer class name such as \"Flatten\" as its second argument, not '\(call.positional[1].typeName)'",
        range: call.rangeOfArgument(1))
    }
  }

  private static func macs(_ call: HostFunction.Call) throws(CellError) -> Value {
    try requireArguments(call, count: 1, name: "macs", usage: "macs(model)")
    switch call.positional[0] {
    case .model(let model):
      do { return .int(try model.summary().totalMultiplyAccumulates) } catch {
        throw cellError(error, call)
      }
    case .layer(let instance):
      guard instance.isBuilt else {
        throw CellError(
          type: "ValueError",
          message: "macs(): the layer \(instance.name) is not built, so it has no shapes yet",
          range: call.rangeOfArgument(0))
      }
      return .int(instance.multiplyAccumulates)
    default:
      throw notAModel(call, name: "macs")
    }
  }

  private static func params(_ call: HostFunction.Call) throws(CellError) -> Value {
    try requireArguments(call, count: 1, name: "params", usage: "params(model)")
    switch call.positional[0] {
    case .model(let model):
      do { return .int(try model.countParams()) } catch { throw cellError(error, call) }
    case .layer(let instance):
      do { return .int(try instance.countParams()) } catch { throw cellError(error, call) }
    default:
      throw notAModel(call, name: "params")
    }
  }

  private static func cellError(_ error: KerasError, _ call: HostFunction.Call) -> CellError {
    CellError(type: error.type, message: error.message, range: call.rangeOfArgument(0))
  }

  private static func requireArguments(
    _ call: HostFunction.Call, count: Int, name: String, usage: String
  )
    throws(CellError)
  {
    guard call.positional.count == count, call.keywords.isEmpty else {
      throw CellError(
        type: "TypeError",
        message:
          "\(name)() takes exactly \(count) argument\(count == 1 ? "" : "s") (\(call.positional.count + call.keywords.count) given); write \(usage)",
        range: call.range)
    }
  }

  private static func requireModel(_ call: HostFunction.Call, name: String) throws(CellError)
    -> KerasModel
  {
    guard case .model(let model) = call.positional[0] else { throw notAModel(call, name: name) }
    return model
  }

  private static func notAModel(_ call: HostFunction.Call, name: String) -> CellError {
    CellError(
      type: "TypeError",
      message:
        "\(name)() expects a model as its first argument, not '\(call.positional[0].typeName)'",
      range: call.rangeOfArgument(0))
  }
}

extension Callable {
  /// The class name when this is a Keras layer class such as `layers.Flatten`.
  fileprivate var layerClassName: String? {
    if case .layerClass(let name) = kind { return name }
    return nil
  }
}
