import CNNEngine

/// The learning-rate schedules of `keras.optimizers.schedules` as cells use them: called on a
/// step (`schedule(100)`, a float32 tensor as TensorFlow returns it in both Kerases) and
/// `get_config()` (the arguments in `__init__`'s order; `name` None in tf-keras, the class's own
/// name in Keras 3). The rates are `LearningRateSchedule`'s, which training uses too. Measured
/// with tf-keras 2.21 and Keras 3.15 (`Tests/Fixtures/scripts/674-*`).
enum ScheduleObjects {
  static func isSchedule(_ object: KerasObject) -> Bool {
    LearningRateSchedule.Kind(rawValue: object.typeName) != nil
  }

  /// `schedule(step)`, or nil for an object that is not a schedule.
  static func call(
    _ object: KerasObject, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value? {
    guard isSchedule(object) else { return nil }
    let step: Value
    if positional.count == 1, keywords.isEmpty {
      step = positional[0]
    } else if positional.isEmpty, keywords.count == 1, keywords[0].0 == "step" {
      step = keywords[0].1
    } else {
      throw CellError(
        type: "TypeError",
        message:
          "\(object.typeName).__call__() missing 1 required positional argument: 'step'",
        range: site.range)
    }
    let index: Int
    switch Operators.Number(step) {
    case .int(let value)?: index = value
    default:
      throw .unsupported(
        "ConvBook computes a learning rate schedule at an integer step, not \(step.typeName)",
        at: site.range)
    }
    let rate: Float
    do {
      guard let schedule = try LearningRateSchedule.make(object) else { return nil }
      rate = try schedule.rate(at: index)
    } catch {
      throw .unsupported(error.message, at: site.range)
    }
    var array = NDArray(dtype: .float32, shape: [], scalars: [rate])
    array.tensorFlowDType = "float32"
    return .array(array)
  }

  /// `schedule.get_config()`.
  static func config(_ object: KerasObject, keras3: Bool, range: SourceRange) throws(CellError)
    -> Value
  {
    guard let kind = LearningRateSchedule.Kind(rawValue: object.typeName) else {
      throw .unsupported("ConvBook does not support `\(object.typeName).get_config` yet", at: range)
    }
    let parameters = LearningRateSchedule.parameters(kind)
    var given: [String: ArgumentValue] = [:]
    for (index, (label, value)) in object.arguments.enumerated() {
      let name = label.hasPrefix("arg") && index < parameters.count ? parameters[index].0 : label
      given[name] = value
    }
    var pairs: [(Value, Value)] = []
    for (name, standard) in parameters {
      var value = given[name] ?? standard ?? .none
      if name == "name", keras3, value == .none {
        value = .string(LearningRateSchedule.keras3Name(kind))
      }
      guard let plain = LayerConfig.plainValue(value) else {
        throw .unsupported(
          "ConvBook does not support `get_config()` of a \(object.typeName) with this `\(name)` yet",
          at: range)
      }
      pairs.append((.string(name), plain))
    }
    return .dictionary(PythonDict(pairs))
  }
}
