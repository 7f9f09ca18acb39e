import CNNEngine

/// How a printed weight shows: tf-keras' `<tf.Variable 'dense/kernel:0' shape=(3, 1)
/// dtype=float32, numpy=array(...)>` (NumPy's repr), Keras 3's `<Variable path=dense/kernel,
/// shape=(3, 1), dtype=float32, value=[...]>` (NumPy's str), with the values the weight holds
/// when they are exactly Keras' (`CellTraining.knownValues`); otherwise printing it is refused.
enum WeightText {
  /// The session whose cell runs on this thread (bound with `KerasObjectText.sessionVersion`).
  @TaskLocal static var source: Source?

  /// A weak reference to the session, so that the text functions can read its values.
  final class Source: @unchecked Sendable {
    weak var session: KerasSession?
    init(_ session: KerasSession) { self.session = session }
  }

  /// The text of `variable` with its values, or nil when ConvBook does not hold Keras' values
  /// (or cannot tell its Keras 3 path).
  static func text(of variable: WeightVariable) -> String? {
    guard let session = source?.session else { return nil }
    let interpreter = Interpreter(session: session, cellIndex: session.cellCount)
    let range = SourceRange(
      start: SourceLocation(line: 1, column: 1, utf8Offset: 0),
      end: SourceLocation(line: 1, column: 1, utf8Offset: 0))
    guard
      let owner = try? WeightValues.owner(of: variable, range: range, interpreter: interpreter)
    else { return nil }
    let training = session.training
    guard training.knownValues(of: variable.name, in: owner) else { return nil }
    let keras3 = (variable.kerasVersion ?? session.kerasVersion) == .keras3
    let path = keras3 ? keras3Path(of: variable, owner: owner, session: session) : nil
    if keras3 && path == nil { return nil }
    // Reading the values to show them makes nothing new from them.
    let read = training.ownValuesRead
    defer { training.ownValuesRead = read }
    guard
      let values = try? WeightValues.current(of: owner, interpreter: interpreter, range: range),
      let tensor = values[variable.name]
    else { return nil }
    let array = NDArray(tensor: tensor)
    let shape = EagerTensors.shapeText(variable.shape)
    if let path {
      return
        "<Variable path=\(path), shape=\(shape), dtype=float32, value=\(EagerTensors.numpyText(array, repr: false))>"
    }
    return
      "<tf.Variable '\(variable.kerasName)' shape=\(shape) dtype=float32, numpy=\(EagerTensors.valueText(array, repr: true))>"
  }

  /// Keras 3's `variable.path` where ConvBook knows it: a custom layer's weight under its layer's
  /// name scope; a layer's weight under the names of the Sequential models that built it (Keras 3
  /// builds a Sequential model's layers inside its name scope: `outer/inner/dense/kernel`), or
  /// its own name alone in a functional model (built where it was called, outside any scope).
  /// A weight of an empty scope is a Keras 3 `keras.Variable` made outside any name scope.
  /// Nil where the layer is in no model of the session's or in two Sequential models.
  static func keras3Path(
    of variable: WeightVariable, owner: LayerInstance, session: KerasSession
  ) -> String? {
    if let scope = variable.scope {
      // No scope: a `keras.Variable` a custom layer's `__init__` made (its path is its name).
      return scope.isEmpty ? variable.spec.name : "\(scope)/\(variable.spec.name)"
    }
    guard owner.model == nil else { return nil }
    var roots: [KerasModel] = session.training.states.values.map(\.model)
    for case .model(let model) in session.globals.values { roots.append(model) }
    // The prefix of each model the layer is in: the longest way there (a Sequential model nested
    // in another is reached from both, and was built inside the outer one).
    var places: [ObjectIdentifier: [String]] = [:]
    func walk(_ model: KerasModel, prefix: [String], depth: Int) {
      guard depth < PythonText.maximumNesting else { return }
      let sequential = model.subclassName == nil && model.className == "Sequential"
      for instance in model.layers {
        if instance === owner {
          let found = sequential ? prefix + [model.name] : []
          if found.count >= places[ObjectIdentifier(model)]?.count ?? 0 {
            places[ObjectIdentifier(model)] = found
          }
        } else if let nested = instance.model {
          walk(nested, prefix: sequential ? prefix + [model.name] : [], depth: depth + 1)
        }
      }
    }
    for root in roots { walk(root, prefix: [], depth: 0) }
    let scopes = Set(places.values.filter { !$0.isEmpty })
    guard !places.isEmpty, scopes.count <= 1 else { return nil }
    let name = keras3Name(variable.spec.name, owner: owner)
    return ((scopes.first ?? []) + [owner.name, name]).joined(separator: "/")
  }

  /// A layer's weight as Keras 3 names it, from ConvBook's (tf-keras') name: Keras 3's
  /// `DepthwiseConv1D`/`DepthwiseConv2D` call their depthwise kernel `kernel`.
  static func keras3Name(_ name: String, owner: LayerInstance) -> String {
    if name == "depthwise_kernel", owner.layer is DepthwiseConv { return "kernel" }
    return name
  }
}
