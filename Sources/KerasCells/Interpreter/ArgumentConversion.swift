import CNNEngine

/// Turns cell values into layer-constructor arguments.
enum ArgumentConversion {
  static func argument(_ value: Value, range: SourceRange) throws(CellError) -> ArgumentValue {
    switch value {
    case .none: return .none
    case .bool(let flag): return .bool(flag)
    case .int(let number): return .int(number)
    case .bigInt(let number):
      throw .unsupported(
        "ConvBook cannot pass \(PythonInteger.decimal(number).map { $0.count > 30 ? "an integer of \($0.count) digits" : $0 } ?? "an integer this large") to Keras: sizes and settings must fit in 64-bit integers",
        at: range)
    case .float(let number): return .float(number)
    case .standard(let scalar as NumPyScalar):
      return try argument(scalar.pythonValue, range: range)
    case .array(let array) where array.rank == 0:
      // A 0-d NumPy array (tf-keras' ReLU config holds `array(6., dtype=float32)`) is the
      // number it holds.
      return try argument(ArrayOperations.scalar(array, at: 0), range: range)
    case _ where EagerTensors.operand(value)?.rank == 0:
      // A 0-d eager tensor (`tf.shape(x)[1]`) is the number it holds.
      return try argument(EagerTensors.scalarValue(EagerTensors.operand(value)!), range: range)
    case .string(let text): return .string(text)
    case .tuple(let items):
      var converted: [ArgumentValue] = []
      for item in items { converted.append(try argument(item, range: range)) }
      return .tuple(converted)
    case .list(let items):
      var converted: [ArgumentValue] = []
      for item in items { converted.append(try argument(item, range: range)) }
      return .list(converted)
    case .tensorShape(let dimensions):
      // Keras turns a TensorShape argument (`Input(shape=x.shape[1:])`) into its tuple.
      return try argument(.tuple(TensorShapeValue.items(dimensions)), range: range)
    case .kerasObject(let object): return .object(object)
    // A stateful metric (`keras.metrics.Mean()`) given to `compile`: the Keras object it was made as.
    case .standard(let metric as KerasMetricObject): return .object(metric.object)
    // `dtype=self.dtype_policy` (Keras 3 layers pass their policy on to the layers they make):
    // its name, as Keras takes `dtype="mixed_float16"`.
    case .standard(let policy as LayerDTypePolicy): return .string(policy.name)
    // `dtype=x.dtype` of a NumPy array: its name, as Keras reads a NumPy dtype.
    case .standard(let dtype as NumPyDType) where dtype.numeric != nil: return .string(dtype.name)
    case .instance(let instance) where instance.type.kerasClassBase?.isLayerArgument == true:
      // `kernel_regularizer=MyL1(0.01)`: shapes and parameters do not depend on it; training and
      // drawing weights refuse it by its class's name.
      return .object(
        KerasObject(
          typeName: instance.type.name,
          arguments: [
            (KerasObject.subclassKey, .string(instance.type.kerasClassBase?.rawValue ?? ""))
          ]))
    case .function(let callable):
      switch callable.kind {
      case .activation(let name): return .string(name)
      case .objectFactory(let name): return .object(KerasObject(typeName: name))
      default: break
      }
    case .layer(let instance) where !instance.isBuilt && !instance.isInputLayer:
      // A wrapper's layer (`TimeDistributed(layers.Dense(8))`); other layers refuse it as Keras does.
      return .object(KerasObject(layer: instance.layer))
    case .model(let model) where !model.isBuilt || model.graph == nil:
      return .object(KerasObject(layer: model.calledInstance.layer))
    case .layer(let instance):
      throw .unsupported(
        "passing the layer \(instance.name) as an argument is not supported in ConvBook cells; add it to the model as a layer of its own",
        at: range)
    default: break
    }
    throw .unsupported(
      "a value of type '\(value.typeName)' cannot be passed to a Keras layer in ConvBook cells",
      at: range)
  }

  static func arguments(_ values: [Value], ranges: [SourceRange]) throws(CellError)
    -> [ArgumentValue]
  {
    var converted: [ArgumentValue] = []
    for (index, value) in values.enumerated() {
      converted.append(try argument(value, range: ranges[min(index, ranges.count - 1)]))
    }
    return converted
  }
}
