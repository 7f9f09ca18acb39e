import CNNEngine

/// A Python value as the cell language knows it.
public indirect enum Value {
  case none
  case bool(Bool)
  case int(Int)
  case float(Double)
  case string(String)
  case tuple([Value])
  case list([Value])
  case dictionary([(Value, Value)])
  /// A module or namespace such as `tensorflow.keras.layers`, by its dotted path.
  case module(KerasModule)
  /// A callable that ConvBook implements: a layer class, `Sequential`, `print`, `len`, ...
  case function(Callable)
  /// A method bound to its receiver: `model.summary`.
  case method(receiver: Value, name: String)
  case layer(LayerInstance)
  case model(SequentialModel)
  /// A symbolic tensor: what `keras.Input(...)` returns, or a layer called on such a tensor.
  case kerasTensor(KerasTensor)
  /// A weight of a built layer (`layer.kernel`, `model.weights[0]`), known by name and shape.
  case variable(WeightVariable)
  /// A Keras object that is accepted but changes no shape: a regularizer, an initializer, an optimizer.
  case kerasObject(KerasObject)
  /// `range(...)`, kept lazy so that large ranges cost nothing until iterated.
  case range(start: Int, stop: Int, step: Int)
  case slice(start: Int?, stop: Int?, step: Int?)

  /// Python's `type(x).__name__`.
  public var typeName: String {
    switch self {
    case .none: return "NoneType"
    case .bool: return "bool"
    case .int: return "int"
    case .float: return "float"
    case .string: return "str"
    case .tuple: return "tuple"
    case .list: return "list"
    case .dictionary: return "dict"
    case .module: return "module"
    case .function(let callable): return callable.isClass ? "type" : "function"
    case .method: return "method"
    case .layer(let instance): return instance.className
    case .model(let model): return model.className
    case .kerasTensor: return "KerasTensor"
    case .variable: return "ResourceVariable"
    case .kerasObject(let object): return object.typeName
    case .range: return "range"
    case .slice: return "slice"
    }
  }

  /// The length of `range(start, stop, step)`.
  static func rangeCount(_ start: Int, _ stop: Int, _ step: Int) -> Int {
    if step > 0 { return stop > start ? (stop - start + step - 1) / step : 0 }
    return start > stop ? (start - stop - step - 1) / -step : 0
  }

  /// Python's truth value.
  public var isTruthy: Bool {
    switch self {
    case .none: return false
    case .bool(let value): return value
    case .int(let value): return value != 0
    case .float(let value): return value != 0
    case .string(let value): return !value.isEmpty
    case .tuple(let items), .list(let items): return !items.isEmpty
    case .dictionary(let pairs): return !pairs.isEmpty
    case .range(let start, let stop, let step): return Value.rangeCount(start, stop, step) > 0
    default: return true
    }
  }
}
