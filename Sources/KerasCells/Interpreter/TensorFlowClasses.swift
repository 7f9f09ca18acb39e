/// TensorFlow's and NumPy's classes of the values a script holds, for the checks course scripts
/// make around model code (measured with TensorFlow 2.21, tf-keras 2.21 and Keras 3.15):
/// deeplearning.ai's graders import `EagerTensor` from `tensorflow.python.framework.ops` and
/// `ResourceVariable` from `tensorflow.python.ops.resource_variable_ops` to
/// `assert type(result) == EagerTensor`, helpers test `isinstance(x, tf.Tensor)` or
/// `isinstance(x, (np.ndarray, tf.Tensor))`.
///
/// - an eager tensor is an `EagerTensor`, a subclass of `tf.Tensor`
///   (`tensorflow.python.framework.tensor.Tensor`);
/// - `tf.Variable(...)` is a `ResourceVariable`, a `tf.Variable` but no `tf.Tensor`; what its
///   `assign` returns an `_UnreadVariable`; a tf-keras weight a `ResourceVariable` too, a Keras 3
///   weight Keras' own `Variable` (neither `tf.Variable` nor `tf.Tensor`);
/// - a Keras tensor (`keras.Input(...)`) is neither a `tf.Tensor` nor an `EagerTensor`; inside a
///   Lambda's function or a custom layer's `call` both Keras hand TensorFlow's graph tensors
///   (`SymbolicTensor`), or `EagerTensor`s when the layer runs on data;
/// - a NumPy array is a `numpy.ndarray`, no `tf.Tensor`.
enum TensorFlowClasses {
  static let eagerTensorPath = "tensorflow.python.framework.ops.EagerTensor"
  static let symbolicTensorPath = "tensorflow.python.framework.ops.SymbolicTensor"
  static let tensorPath = "tensorflow.python.framework.tensor.Tensor"
  static let variablePath = "tensorflow.python.ops.variables.Variable"
  static let resourceVariablePath =
    "tensorflow.python.ops.resource_variable_ops.ResourceVariable"
  static let unreadVariablePath = "tensorflow.python.ops.resource_variable_ops._UnreadVariable"
  static let ndarrayPath = "numpy.ndarray"

  /// TensorFlow's internal modules a script imports these classes from.
  static let modules: Set<String> = [
    "tensorflow.python.framework", "tensorflow.python.framework.ops", "tensorflow.python.ops",
    "tensorflow.python.ops.resource_variable_ops",
  ]

  /// The class at `path`, as `type(x)` gives it: named by the last part of the path, printed
  /// with the whole path (`<class 'tensorflow.python.framework.ops.EagerTensor'>`).
  static func classValue(_ path: String) -> Value {
    let name = String(path.split(separator: ".").last ?? Substring(path))
    return .function(Callable(.unsupportedModelClass(name), path: path))
  }

  /// `NAME` of one of the modules: its submodule or class; nil for the names ConvBook lacks
  /// (refused as its limitation: `unsupportedName`).
  static func attribute(_ name: String, of module: String) -> Value? {
    switch (module, name) {
    case ("tensorflow.python.framework", "ops"), ("tensorflow.python.ops", "resource_variable_ops"):
      return .module(.standard(module + "." + name))
    case ("tensorflow.python.framework.ops", "EagerTensor"): return classValue(eagerTensorPath)
    case ("tensorflow.python.framework.ops", "Tensor"): return classValue(tensorPath)
    case ("tensorflow.python.ops.resource_variable_ops", "ResourceVariable"):
      return classValue(resourceVariablePath)
    default: return nil
    }
  }

  /// `type(v)` of `tf.Variable(...)` (or of what its `assign` returns, or a Keras 3 state variable).
  static func variableClass(_ variable: EagerVariable) -> Value {
    if variable.kerasPath != nil {
      return .function(
        Callable(
          .unsupportedModelClass("Variable"), path: "keras.src.backend.tensorflow.core.Variable"))
    }
    return classValue(variable.isUnread ? unreadVariablePath : resourceVariablePath)
  }

  /// The path of a class value this file answers for (`tf.Tensor`, `EagerTensor`, `np.ndarray`,
  /// `tf.Variable`), nil for other values.
  static func classPath(of callable: Callable) -> String? {
    if case .tensorFunction("tensorflow", "Variable") = callable.kind { return variablePath }
    guard case .unsupportedModelClass = callable.kind else { return nil }
    let known: Set<String> = [
      eagerTensorPath, tensorPath, resourceVariablePath, unreadVariablePath, ndarrayPath,
      symbolicTensorPath,
    ]
    return known.contains(callable.path) ? callable.path : nil
  }

  /// `tf.is_tensor(value)`: TensorFlow's tensors and variables, both Kerases' weights, and
  /// tf-keras' Keras tensors (registered with TensorFlow as tensor types, where Keras 3's are not).
  static func isTensor(_ value: Value, session: KerasSession) -> Bool {
    switch value {
    case .variable: return true
    case .standard(is EagerVariable): return true
    case .kerasTensor:
      return session.lambdaTracingDepth > 0 || session.kerasVersion == .keras2
    default: return classPaths(of: value, session: session).contains(tensorPath)
    }
  }

  /// The paths of the classes among this file's that `value` is an instance of.
  static func classPaths(of value: Value, session: KerasSession) -> [String] {
    switch value {
    case .array(let array):
      return array.tensorFlowDType == nil ? [ndarrayPath] : [eagerTensorPath, tensorPath]
    case .standard(let variable as EagerVariable):
      if variable.kerasPath != nil { return [] }
      return variable.isUnread
        ? [unreadVariablePath, variablePath] : [resourceVariablePath, variablePath]
    case .standard(let object) where object.typeName == "EagerTensor":
      return [eagerTensorPath, tensorPath]
    case .variable(let variable):
      return (variable.kerasVersion ?? session.kerasVersion) == .keras3
        ? [] : [resourceVariablePath, variablePath]
    case .kerasTensor where session.lambdaTracingDepth > 0:
      return session.eagerTraceBatch == nil
        ? [symbolicTensorPath, tensorPath] : [eagerTensorPath, tensorPath]
    default: return []
    }
  }
}
