import BigInt
import CNNEngine

/// A Python value as the cell language knows it.
public indirect enum Value {
  case none
  case bool(Bool)
  /// An integer that fits in 64 bits.
  case int(Int)
  /// An integer that does not fit in 64 bits (never one that does: see `PythonInteger.value`).
  case bigInt(BigInt)
  case float(Double)
  case string(String)
  case tuple([Value])
  /// A list, shared by every name bound to it (`PythonList`).
  case list(PythonList)
  /// A dict, shared by every name bound to it (`PythonDict`).
  case dictionary(PythonDict)
  /// A set or frozenset (`PythonSet`), shared like a list.
  case set(PythonSet)
  /// A module or namespace such as `tensorflow.keras.layers`, by its dotted path.
  case module(KerasModule)
  /// A callable that ConvBook implements: a layer class, `Sequential`, `print`, `len`, ...
  case function(Callable)
  /// A method bound to its receiver: `model.summary`.
  case method(receiver: Value, name: String)
  case layer(LayerInstance)
  case model(KerasModel)
  /// A symbolic tensor: what `keras.Input(...)` returns, or a layer called on such a tensor.
  case kerasTensor(KerasTensor)
  /// A weight of a built layer (`layer.kernel`, `model.weights[0]`), known by name and shape.
  case variable(WeightVariable)
  /// A Keras object that is accepted but changes no shape: a regularizer, an initializer, an optimizer.
  case kerasObject(KerasObject)
  /// `range(...)`, kept lazy so that large ranges cost nothing until iterated.
  case range(start: Int, stop: Int, step: Int)
  case slice(start: Int?, stop: Int?, step: Int?)
  /// `...`, as an index (`x[..., None]`).
  case ellipsis
  /// A NumPy array of data (`ArrayOperations`).
  case array(NDArray)
  /// What `model.fit` returns: `history.history`, `history.epoch`.
  case history(FitHistory)
  /// An exception object: what `ValueError("...")` makes and `except ... as error` binds.
  case exception(PythonException)
  /// tf-keras' `TensorShape`: what a Keras tensor's or a weight's `.shape` is (Keras 3 gives a
  /// tuple). Prints as a tuple, `repr` as `TensorShape([None, 8, 8, 3])`; see `TensorShapeValue`.
  case tensorShape([Int?])
  /// An object of a standard-library module ConvBook implements (`StandardLibrary`).
  case standard(StandardObject)
  /// An instance of a class defined in a cell (`PythonClass`).
  case instance(PythonInstance)
  /// What `super()` returns in a method of a cell's class.
  case superObject(SuperBinding)

  /// Python's `type(x).__name__`.
  public var typeName: String {
    switch self {
    case .none: return "NoneType"
    case .bool: return "bool"
    case .int, .bigInt: return "int"
    case .float: return "float"
    case .string: return "str"
    case .tuple: return "tuple"
    case .list(let list):
      return list.dictionaryView?.rawValue ?? (list.deque == nil ? "list" : "deque")
    case .dictionary(let dictionary): return StandardCollections.typeName(dictionary.flavor)
    case .set(let set): return set.isFrozen ? "frozenset" : "set"
    case .module: return "module"
    case .function(let callable):
      if case .partial(let application) = callable.kind {
        return application.isBoundMethod ? "method" : "partial"
      }
      if callable.isClass { return "type" }
      return callable.isPythonBuiltinFunction ? "builtin_function_or_method" : "function"
    case .method: return "method"
    case .layer(let instance): return instance.className
    case .model(let model): return model.className
    case .kerasTensor: return "KerasTensor"
    case .variable: return "ResourceVariable"
    case .kerasObject(let object): return object.typeName
    case .range: return "range"
    case .slice: return "slice"
    case .ellipsis: return "ellipsis"
    case .array: return "ndarray"
    case .history: return "History"
    case .exception(let exception): return exception.type
    case .tensorShape: return "TensorShape"
    case .standard(let object): return object.typeName
    case .instance(let instance): return instance.type.name
    case .superObject: return "super"
    }
  }

  /// The length of `range(start, stop, step)`.
  /// Exact for every 64-bit start, stop and step; a count beyond `Int.max` is clamped there
  /// (Python's `len()` of such a range is an OverflowError, and nothing iterates that far within a
  /// time budget).
  static func rangeCount(_ start: Int, _ stop: Int, _ step: Int) -> Int {
    // The distance between two Ints always fits in a UInt.
    let distance: UInt
    let stride: UInt
    if step > 0 {
      guard stop > start else { return 0 }
      distance = UInt(bitPattern: stop &- start)
      stride = UInt(step)
    } else {
      guard start > stop else { return 0 }
      distance = UInt(bitPattern: start &- stop)
      stride = step.magnitude
    }
    return Int(clamping: (distance - 1) / stride + 1)
  }

  /// A TensorShape as the tuple of its dimensions, and a list as a tuple (TensorShape's `==`
  /// accepts either); anything else unchanged.
  var tensorShapeAsTuple: Value {
    switch self {
    case .tensorShape(let dimensions): return .tuple(TensorShapeValue.items(dimensions))
    case .list(let list): return .tuple(list.items)
    default: return self
    }
  }

  /// Python's truth value.
  public var isTruthy: Bool {
    switch self {
    case .none: return false
    case .bool(let value): return value
    case .int(let value): return value != 0
    case .bigInt: return true
    case .float(let value): return value != 0
    case .string(let value): return !value.isEmpty
    case .tuple(let items): return !items.isEmpty
    case .list(let list): return !list.isEmpty
    case .dictionary(let pairs): return !pairs.isEmpty
    case .set(let set): return !set.isEmpty
    case .range(let start, let stop, let step): return Value.rangeCount(start, stop, step) > 0
    case .array(let array): return array.count == 1 ? array.value(at: 0) != 0 : true
    case .standard(let scalar as NumPyScalar): return scalar.truthValue
    case .standard(let object): return object.tupleItems.map { !$0.isEmpty } ?? true
    default: return true
    }
  }
}
