import CNNEngine

/// `layer.kernel_initializer` (and every other `*_initializer` a layer keeps): the initializer
/// object Keras made of the argument, which course autograders read by class
/// (`layer.kernel_initializer.__class__.__name__` is `GlorotUniform` for a Conv2D's default): the
/// object given, or one of the class that the name given (or the layer's default name) stands
/// for, made once per layer so that reading it twice gives the same object.
enum LayerInitializerAttributes {
  static func attribute(_ name: String, of instance: LayerInstance, interpreter: Interpreter)
    -> Value?
  {
    let layer = instance.layer
    guard name.hasSuffix("_initializer"), instance.model == nil,
      // A script's own initializer (a function or a subclass's instance) is kept as given.
      interpreter.session.scriptLayerArguments[ObjectIdentifier(instance)]?.contains(where: {
        $0.0 == name
      }) != true,
      let kind = KerasLayerArgumentAttributes.kind(
        name, of: layer.className, keras3: interpreter.kerasVersion == .keras3),
      // (A layer that keeps it as `_name` has no such attribute: Keras' AttributeError.)
      kind != .private
    else { return nil }
    let given =
      layer.common.arguments.values[name]
      ?? LayerCatalog.entries[layer.className]?.signature.parameters.first { $0.name == name }?
      .defaultValue
    switch given {
    case .object(let object)?
    where object.layer == nil && object.activation == nil
      && KerasModule.initializerNames.contains(object.typeName):
      return .kerasObject(object)
    case .string(let text)?:
      guard let className = InitializerLookup.className(text) else { return nil }
      let made = Value.kerasObject(KerasObject(typeName: className))
      interpreter.session.objectAttributes.set(name, of: instance, to: made)
      return made
    default: return nil
    }
  }
}
