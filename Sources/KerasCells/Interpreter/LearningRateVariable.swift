import CNNEngine

/// An optimizer's `learning_rate` (tf-keras' `lr` too): the float32 variable Keras' optimizers
/// keep, shown as tf-keras' `<tf.Variable 'learning_rate:0' shape=() dtype=float32, numpy=0.01>`
/// or Keras 3's `<Variable path=sgd/learning_rate, shape=(), dtype=float32, value=0.01>`.
///
/// The variable of a model's `model.optimizer` is the model's: it reads the trainer's rate once
/// training has made one (callbacks change it between epochs), else the optimizer the model was
/// compiled with; `assign`, `K.set_value` and `optimizer.learning_rate = x` change the same place,
/// so the next `fit` trains with it. An optimizer object that no model owns answers with what it
/// was made with, and refuses a change as ConvBook's limitation. Measured with tf-keras 2.21 and
/// Keras 3.15 (`Tests/Fixtures/scripts/670-*`).
final class LearningRateVariable: StandardObject {
  /// The optimizer as made (class, arguments); its `ownerModel` is the model's identity.
  let optimizer: KerasObject
  let model: KerasModel?
  let training: CellTraining
  let keras3: Bool

  init(optimizer: KerasObject, model: KerasModel?, training: CellTraining, keras3: Bool) {
    self.optimizer = optimizer
    self.model = model
    self.training = training
    self.keras3 = keras3
  }

  /// Keras' default learning rate of each optimizer class (`SGD` 0.01, the others 0.001).
  static func defaultRate(_ className: String) -> Double { className == "SGD" ? 0.01 : 0.001 }

  /// The argument an optimizer object was given its learning rate by (first positional,
  /// `learning_rate=`, a legacy optimizer's `lr=`), with its index among the arguments.
  static func givenRate(_ object: KerasObject) -> (index: Int, value: ArgumentValue)? {
    guard
      let index = object.arguments.firstIndex(where: {
        ["arg0", "learning_rate", "lr"].contains($0.0)
      })
    else { return nil }
    return (index, object.arguments[index].1)
  }

  /// The optimizer the model holds now (its compile arguments), else the one this was read from.
  private var currentOptimizer: KerasObject {
    switch model?.compileArguments?.optimizer {
    case .object(let object)?: return object
    case .string(let name)?:
      return KerasObject(
        typeName: CompiledModelAttributes.optimizerClasses[name.lowercased()] ?? name)
    default: return optimizer
    }
  }

  /// The rate as float32, or nil when the optimizer was given a schedule (or another object).
  var value: Float? {
    if let model, let trainer = training.states[ObjectIdentifier(model)]?.trainer {
      return trainer.learningRate
    }
    let object = currentOptimizer
    switch Self.givenRate(object)?.value {
    case nil: return Float(Self.defaultRate(object.typeName))
    case .int(let number)?: return Float(number)
    case .float(let number)?: return Float(number)
    default: return nil
    }
  }

  /// `Variable.path` in Keras 3: the optimizer's name, then `learning_rate`.
  private var path: String {
    let name =
      CompiledModelAttributes.optimizerName(currentOptimizer, keras3: true)
      ?? currentOptimizer.typeName.lowercased()
    return name + "/learning_rate"
  }

  override var typeName: String { keras3 ? "Variable" : "ResourceVariable" }

  override func repr(_ item: (Value) -> String) -> String {
    let number = PythonText.repr(.float(Double(value ?? .nan)))
    return keras3
      ? "<Variable path=\(path), shape=(), dtype=float32, value=\(number)>"
      : "<tf.Variable 'learning_rate:0' shape=() dtype=float32, numpy=\(number)>"
  }

  /// The value as NumPy's float32 scalar (`numpy()`, `K.get_value`).
  func scalar(range: SourceRange) throws(CellError) -> Value {
    guard let value else {
      throw .unsupported(
        "ConvBook does not support reading the learning rate of an optimizer given a schedule yet",
        at: range)
    }
    return .standard(NumPyScalar(NDArray(dtype: .float32, shape: [], scalars: [value])))
  }

  /// The value as a float32 eager tensor (what arithmetic on the variable gives).
  func tensor(range: SourceRange) throws(CellError) -> Value {
    guard let value else { return try scalar(range: range) }
    var array = NDArray(dtype: .float32, shape: [], scalars: [value])
    array.tensorFlowDType = "float32"
    return .array(array)
  }

  /// Sets the rate (`assign`, `K.set_value`, `optimizer.learning_rate = x`).
  func assign(_ given: Value, range: SourceRange) throws(CellError) {
    let number: Double
    switch Operators.Number(given) {
    case .int(let value)?: number = Double(value)
    case .float(let value)?: number = value
    default:
      if case .standard(let other as LearningRateVariable) = given, let value = other.value {
        number = Double(value)
      } else {
        throw .unsupported(
          "ConvBook does not support setting a learning rate to \(given.typeName) yet", at: range)
      }
    }
    guard let model, var compiled = model.compileArguments else {
      throw .unsupported(
        "ConvBook does not support changing the learning rate of an optimizer object yet; change the model's (`model.optimizer.learning_rate`) after compile()",
        at: range)
    }
    guard value != nil else {
      throw .unsupported(
        "ConvBook does not support changing the learning rate of an optimizer given a schedule yet",
        at: range)
    }
    let rate = Float(number)
    if let trainer = training.states[ObjectIdentifier(model)]?.trainer {
      trainer.learningRate = rate
      return
    }
    var object = currentOptimizer
    if let (index, _) = Self.givenRate(object) {
      object.arguments[index].1 = .float(Double(rate))
    } else {
      object.arguments.append(("learning_rate", .float(Double(rate))))
    }
    compiled.optimizer = .object(object)
    model.compileArguments = compiled
  }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    switch name {
    case "numpy", "assign": return .method(receiver: .standard(self), name: name)
    case "shape": return keras3 ? .tuple([]) : .tensorShape([])
    case "dtype": return keras3 ? .string("float32") : TensorFlowDType.value("float32")
    case "name": return .string(keras3 ? "learning_rate" : "learning_rate:0")
    case "path" where keras3: return .string(path)
    case "trainable": return .bool(false)
    default: return nil
    }
  }

  override func method(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value? {
    switch name {
    case "numpy":
      guard positional.isEmpty, keywords.isEmpty else { return nil }
      return try scalar(range: site.range)
    case "assign":
      guard positional.count == 1, keywords.isEmpty else {
        throw .unsupported(
          "ConvBook's learning_rate.assign() takes the new value only", at: site.range)
      }
      try assign(positional[0], range: site.range)
      // tf-keras' eager `assign` returns the variable; Keras 3's returns the value it assigned.
      return keras3 ? positional[0] : .standard(self)
    default: return nil
    }
  }
}
