/// Python's classes in cells: `class` statements, instances and their attributes, methods,
/// `super()`, decorators and `with` statements, with CPython 3.11's messages.
extension Interpreter {
  // MARK: Definitions

  /// `def`: the function (a method when a class body defines it), then its decorators applied
  /// from the innermost out. Decorators are evaluated first, as CPython does.
  /// A `def`'s annotations, evaluated as Python evaluates them when the `def` runs (not after
  /// `from __future__ import annotations`) and thrown away: a name that does not exist there
  /// (`-> keras.Layer` with tf-keras) is Python's error at the `def`. Where ConvBook itself lacks
  /// what an annotation names (a `typing` form, say), the annotation is skipped: Python would
  /// have evaluated it.
  func evaluateAnnotations(_ annotations: [Expression]) throws(CellError) {
    guard !session.postponesAnnotations else { return }
    for annotation in annotations {
      do throws(CellError) {
        _ = try evaluate(annotation)
      } catch {
        // Otherwise ConvBook's own limitation, or an error Python may not raise here: skipped.
        if error.type == "NameError" || error.type == "AttributeError" { throw error }
      }
    }
  }

  func defineFunction(_ definition: FunctionDefinition, statement: Statement) throws(CellError) {
    let decorators = try evaluateAll(definition.decorators)
    var defaults: [String: Value] = [:]
    for parameter in definition.parameters {
      if let expression = parameter.defaultValue {
        defaults[parameter.name] = try evaluate(expression)
      }
    }
    try evaluateAnnotations(definition.annotations)
    // A method's name is qualified by its class; it does not see the class body's names.
    let classScope = scope.flatMap { $0.isClassBody ? $0 : nil }
    let qualifiedName: String
    if let classScope {
      qualifiedName = classScope.qualifiedName + "." + definition.name
    } else {
      qualifiedName =
        scope.map { $0.qualifiedName + ".<locals>." + definition.name } ?? definition.name
    }
    try budget.allocate(bytes: EvaluationBudget.objectBytes, at: statement.range)
    let function = UserFunction(
      name: definition.name, qualifiedName: qualifiedName, parameters: definition.parameters,
      defaults: defaults, body: .statements(definition.body),
      // A method of a class made at the top level closes over no function's scope: the
      // globals, not the class body (whose parent is then nil).
      closure: classScope.map(\.parent) ?? scope, cellIndex: cellIndex,
      isGenerator: definition.isGenerator)
    function.classCell = classScope?.classCell ?? currentFunction?.classCell
    function.module = session.currentScriptModule
    var value = Value.function(Callable(.user(function), path: definition.name))
    value = try decorate(value, with: decorators, expressions: definition.decorators)
    try assign(
      value, to: Expression(.name(definition.name), range: definition.nameRange),
      statement: statement)
  }

  /// Applies decorators, the last one written first.
  private func decorate(_ value: Value, with decorators: [Value], expressions: [Expression])
    throws(CellError) -> Value
  {
    var value = value
    for (decorator, expression) in zip(decorators, expressions).reversed() {
      let site = CallSite(
        range: expression.range, calleeRange: expression.range, arguments: [],
        calleeText: Interpreter.describe(expression))
      value = try Calls.call(
        decorator, positional: [value], keywords: [], site: site, interpreter: self)
    }
    return value
  }

  /// `class Name(bases):` runs its body in a namespace of its own, which becomes the class.
  func defineClass(_ definition: ClassDefinition, statement: Statement) throws(CellError) {
    if definition.arguments.count == 1, case .positional = definition.arguments[0].kind,
      case .standard(is TypingNamedTuple) = try evaluate(definition.arguments[0].value)
    {
      try defineNamedTuple(definition, statement: statement)
      return
    }
    let decorators = try evaluateAll(definition.decorators)
    var bases: [PythonClass] = []
    var kerasBase: String?
    var kerasLayerClass: Callable?
    var extendsSequential = false
    var kerasClassBase: KerasClassBase?
    var enumKind: StandardEnum.Kind?
    var checksAbstractMethods = false
    var extendsGeneric = false
    for argument in definition.arguments {
      if case .keyword("metaclass") = argument.kind,
        case .standard(is ABCMetaClass) = try evaluate(argument.value)
      {
        checksAbstractMethods = true
        continue
      }
      guard case .positional = argument.kind else {
        throw .unsupported(
          "ConvBook does not support class keywords (metaclass=...) or unpacked bases yet",
          at: argument.range)
      }
      var base = try evaluate(argument.value)
      if case .standard(is ABCBaseClass) = base { base = classValue(session.abcClass) }
      if case .standard(let alias as GenericClassAlias) = base { base = classValue(alias.origin) }
      switch base {
      case .function(let callable):
        if case .userClass(let type) = callable.kind {
          if bases.contains(where: { $0 === type }) {
            throw CellError(
              type: "TypeError", message: "duplicate base class \(type.name)",
              range: statement.range)
          }
          bases.append(type)
          kerasBase = kerasBase ?? type.kerasBase
          kerasLayerClass = kerasLayerClass ?? type.kerasLayerClass
          extendsSequential = extendsSequential || type.extendsSequential
          kerasClassBase = kerasClassBase ?? type.kerasClassBase
          if type.enumKind != nil, !type.enumMembers.isEmpty {
            throw .unsupported(
              "ConvBook does not support extending an enumeration that has members",
              at: argument.range)
          }
          enumKind = enumKind ?? type.enumKind
          continue
        }
        if callable.kind == .classSupport("object") { continue }
        if let base = KerasClassBase.base(for: callable) {
          kerasClassBase = kerasClassBase ?? base
          continue
        }
        if let base = try KerasSubclassing.base(for: callable, at: argument.range) {
          kerasBase = base
          if case .layerClass = callable.kind { kerasLayerClass = kerasLayerClass ?? callable }
          if callable.kind == .sequentialClass { extendsSequential = true }
          continue
        }
        throw .unsupported(
          "ConvBook does not support subclassing `\(KerasSubclassing.publicPath(callable.path))` yet; a class can extend `object` or classes defined in the script",
          at: argument.range)
      case .standard(let base as EnumBaseClass):
        enumKind = enumKind ?? base.kind
      case .standard(let form as TypingForm) where form.name.hasPrefix("typing.Generic"):
        // `Generic[T]` only types the class for checkers; nothing of it runs.
        extendsGeneric = true
      default:
        throw .unsupported(
          "ConvBook does not support a \(base.typeName) as a base class", at: argument.range)
      }
    }
    let qualifiedName =
      scope.map { $0.isClassBody ? $0.qualifiedName + "." : $0.qualifiedName + ".<locals>." }
      .map { $0 + definition.name } ?? definition.name
    try budget.allocate(bytes: EvaluationBudget.objectBytes, at: statement.range)
    let type = PythonClass(name: definition.name, qualifiedName: qualifiedName, bases: bases)
    // A class made in one of the script's own modules belongs to it (`<class 'models.net.Net'>`).
    if let module = session.currentScriptModule { type.module = module.name }
    if let first = definition.body.first, case .expression(let expression) = first.kind,
      case .string(let text) = expression.kind
    {
      type.docstring = text
    }
    type.kerasBase = kerasBase
    type.kerasLayerClass = kerasLayerClass
    type.extendsSequential = extendsSequential
    type.kerasClassBase = kerasClassBase
    type.annotations = definition.annotations
    type.enumKind = enumKind
    type.checksAbstractMethods =
      checksAbstractMethods || bases.contains { $0.checksAbstractMethods }
    type.extendsGeneric = extendsGeneric || bases.contains { $0.extendsGeneric }
    guard type.linearize() else {
      throw CellError(
        type: "TypeError",
        message:
          "Cannot create a consistent method resolution\norder (MRO) for bases \(bases.map(\.name).joined(separator: ", "))",
        range: statement.range)
    }
    let cell = ClassCell()
    let body = try executeClassBody(
      definition, qualifiedName: qualifiedName, cell: cell, statement: statement)
    for name in body.names.keys.sorted(by: { orderOfBinding($0, $1, in: definition.body) }) {
      type.set(name, body.names[name]!)
    }
    if let enumKind {
      try StandardEnum.makeMembers(of: type, kind: enumKind, range: statement.range)
    }
    if type.checksAbstractMethods { type.abstractMethods = StandardABC.abstractMethods(of: type) }
    cell.value = type
    try initializeSubclass(type, statement: statement)
    var value = Value.function(Callable(.userClass(type), path: definition.name))
    value = try decorate(value, with: decorators, expressions: definition.decorators)
    try assign(
      value, to: Expression(.name(definition.name), range: definition.nameRange),
      statement: statement)
  }

  /// `type.__new__`'s call of the parents' `__init_subclass__` (an implicit class method) with the
  /// new class, before decorators run: the registry pattern (`registry[cls.__name__] = cls`). The
  /// class's own `__init_subclass__` is for its subclasses; `object`'s does nothing.
  private func initializeSubclass(_ type: PythonClass, statement: Statement) throws(CellError) {
    if case .function(let callable)? = type.namespace["__init_subclass__"],
      case .user = callable.kind
    {
      type.set(
        "__init_subclass__",
        .function(
          Callable(
            .descriptor(MethodDescriptor(kind: .classMethod, function: .function(callable))),
            path: "classmethod")))
    }
    guard let (member, _) = type.lookup("__init_subclass__", after: type) else { return }
    let range = statement.range
    _ = try callClassMember(
      member, receiver: classValue(type), receiverClass: type, positional: [], keywords: [],
      site: CallSite(
        range: range, calleeRange: range, arguments: [], calleeText: "__init_subclass__"))
  }

  /// Runs a class statement's body in a scope of its own and returns that scope. Python's
  /// traceback lists the class body as a frame of its own, called at the statement.
  private func executeClassBody(
    _ definition: ClassDefinition, qualifiedName: String, cell: ClassCell?, statement: Statement
  ) throws(CellError) -> Scope {
    let body = Scope(names: [:], parent: scope, qualifiedName: qualifiedName)
    body.isClassBody = true
    body.classCell = cell
    let saved = (scope, functionName)
    scope = body
    functionName = definition.name
    defer { (scope, functionName) = saved }
    do {
      try execute(definition.body)
    } catch {
      var traced = error
      if traced.function == nil && traced.callers.isEmpty { traced.function = definition.name }
      traced.callers.insert(
        TracebackFrame(range: statement.range, function: saved.1 ?? "<module>"), at: 0)
      throw traced
    }
    return body
  }

  /// `class Params(NamedTuple):` with annotated fields (`units: int = 8`): the class
  /// `collections.namedtuple` makes, as `typing` builds it; a field without a default after one
  /// with a default is CPython's TypeError. Methods and other class attributes are ConvBook's
  /// limitation.
  private func defineNamedTuple(_ definition: ClassDefinition, statement: Statement)
    throws(CellError)
  {
    let decorators = try evaluateAll(definition.decorators)
    let body = try executeClassBody(
      definition, qualifiedName: definition.name, cell: nil, statement: statement)
    let fields = definition.annotations
    if let other = body.names.keys.sorted().first(where: { !fields.contains($0) && $0 != "__doc__" }
    ) {
      throw .unsupported(
        "ConvBook does not support `\(other)` in a typing.NamedTuple class yet (only annotated fields)",
        at: statement.range)
    }
    var defaults: [Value] = []
    var lastDefault: String?
    for field in fields {
      if let value = body.names[field] {
        defaults.append(value)
        lastDefault = field
      } else if let previous = lastDefault {
        throw CellError(
          type: "TypeError",
          message: "Non-default namedtuple field \(field) cannot follow default field \(previous)",
          range: statement.range)
      }
    }
    let type = NamedTupleType(
      name: definition.name, fields: fields, defaults: defaults,
      module: session.currentScriptModule?.name ?? "__main__")
    if let first = definition.body.first, case .expression(let expression) = first.kind,
      case .string(let text) = expression.kind
    {
      type.docstring = text
    }
    var value = Value.standard(type)
    value = try decorate(value, with: decorators, expressions: definition.decorators)
    try assign(
      value, to: Expression(.name(definition.name), range: definition.nameRange),
      statement: statement)
  }

  /// Orders a class body's names as the body first binds them (source order of their statements).
  private func orderOfBinding(_ a: String, _ b: String, in body: [Statement]) -> Bool {
    func position(_ name: String) -> Int {
      for (index, statement) in body.enumerated() {
        switch statement.kind {
        case .functionDefinition(let definition) where definition.name == name: return index
        case .classDefinition(let definition) where definition.name == name: return index
        case .assignment(let targets, _)
        where targets.contains { if case .name(name) = $0.kind { true } else { false } }:
          return index
        default: continue
        }
      }
      return body.count
    }
    let (left, right) = (position(a), position(b))
    return left == right ? a < b : left < right
  }

  // MARK: Instances

  /// `Config(...)`: a new instance, initialized by the class's `__init__` if it has one.
  func instantiate(
    _ type: PythonClass, positional: [Value], keywords: [(String, Value)], site: CallSite
  ) throws(CellError) -> Value {
    if type.enumKind != nil {
      return try StandardEnum.member(
        of: type, positional: positional, keywords: keywords, range: site.range)
    }
    if !type.abstractMethods.isEmpty {
      throw StandardABC.instantiationError(type, range: site.range)
    }
    try budget.allocate(bytes: EvaluationBudget.objectBytes, at: site.range)
    let instance = PythonInstance(type: type)
    if type.kerasBase != nil { instance.initArguments = (positional, keywords) }
    guard let (initializer, _) = type.lookup("__init__") else {
      if let base = type.kerasClassBase {
        try KerasClassBase.initialize(
          instance, base: base, positional: positional, keywords: keywords, site: site,
          interpreter: self)
        return .instance(instance)
      }
      if type.kerasBase != nil {
        try KerasSubclassing.initialize(
          instance, positional: positional, keywords: keywords, site: site, interpreter: self)
        return ClassFunctionalModels.result(of: instance)
      }
      if !positional.isEmpty || !keywords.isEmpty {
        throw CellError(
          type: "TypeError", message: "\(type.name)() takes no arguments", range: site.range)
      }
      return .instance(instance)
    }
    let result = try callClassMember(
      initializer, receiver: .instance(instance), receiverClass: type, positional: positional,
      keywords: keywords, site: site)
    guard case .none = result else {
      throw CellError(
        type: "TypeError", message: "__init__() should return None, not '\(result.typeName)'",
        range: site.range)
    }
    return ClassFunctionalModels.result(of: instance)
  }

  /// Calls what a class holds under a name, for `receiver`: a method gets the instance first, a
  /// class method the class, a static method nothing.
  func callClassMember(
    _ member: Value, receiver: Value, receiverClass: PythonClass, positional: [Value],
    keywords: [(String, Value)], site: CallSite
  ) throws(CellError) -> Value {
    if case .function(let callable) = member, case .descriptor(let descriptor) = callable.kind {
      switch descriptor.kind {
      case .staticMethod:
        return try Calls.call(
          descriptor.function, positional: positional, keywords: keywords, site: site,
          interpreter: self)
      case .classMethod:
        return try Calls.call(
          descriptor.function, positional: [classValue(receiverClass)] + positional,
          keywords: keywords, site: site, interpreter: self)
      case .property:
        let value = try Calls.call(
          descriptor.function, positional: [receiver], keywords: [], site: site, interpreter: self)
        return try Calls.call(
          value, positional: positional, keywords: keywords, site: site, interpreter: self)
      case .tfFunction:
        return try runTFFunction(
          descriptor, positional: [receiver] + positional, keywords: keywords, site: site)
      }
    }
    if case .function(let callable) = member, case .user = callable.kind {
      return try Calls.call(
        member, positional: [receiver] + positional, keywords: keywords, site: site,
        interpreter: self)
    }
    if case .standard(is DataclassMethod) = member {
      return try Calls.call(
        member, positional: [receiver] + positional, keywords: keywords, site: site,
        interpreter: self)
    }
    return try Calls.call(
      member, positional: positional, keywords: keywords, site: site, interpreter: self)
  }

  func classValue(_ type: PythonClass) -> Value {
    .function(Callable(.userClass(type), path: type.name))
  }

  /// An attribute of an instance, a class or `super()`; nil for other values.
  func classAttribute(_ name: String, of base: Value, range: SourceRange) throws(CellError)
    -> Value?
  {
    switch base {
    case .instance(let instance):
      return try instanceAttribute(name, instance, range: range)
    case .function(let callable):
      if case .descriptor(let descriptor) = callable.kind, descriptor.kind == .property {
        switch name {
        case "setter": return .method(receiver: base, name: name)
        case "fget": return descriptor.function
        case "fset": return descriptor.setter ?? Value.none
        default: return nil
        }
      }
      guard case .userClass(let type) = callable.kind else { return nil }
      if type.enumKind != nil, name == "_member_names_" {
        return .list(PythonList(type.enumMembers.map { $0.attributes["_name_"] ?? .none }))
      }
      if type.enumKind != nil, name.hasPrefix("_"), name != "__name__", name != "__qualname__",
        type.lookup(name) == nil
      {
        // `__members__`, `_member_map_`, ...: the enumeration's own machinery.
        throw .unsupported(
          "ConvBook does not support `\(type.name).\(name)` of an Enum yet", at: range)
      }
      if type.extendsGeneric, name == "__mro__" || name == "__bases__" {
        throw .unsupported(
          "ConvBook does not support the `\(name)` of a class that extends typing.Generic yet",
          at: range)
      }
      switch name {
      case "__name__": return .string(type.name)
      case "__qualname__": return .string(type.qualifiedName)
      // Every class has its own `__doc__` (None without a docstring) and `__module__`.
      case "__doc__" where type.namespace["__doc__"] == nil:
        return type.docstring.map(Value.string) ?? Value.none
      case "__module__" where type.namespace["__module__"] == nil: return .string(type.module)
      case "__bases__":
        return .tuple(
          type.bases.isEmpty
            ? [.function(Callable(.classSupport("object"), path: "object"))]
            : type.bases.map(classValue))
      case "__annotations__" where type.lookup(name) == nil:
        // The body's annotations evaluated, which ConvBook's parser reads without keeping.
        throw .unsupported("ConvBook does not support a class's `__annotations__` yet", at: range)
      case "__abstractmethods__" where type.checksAbstractMethods:
        let names = PythonSet(frozen: true)
        for name in type.abstractMethods {
          let value = Value.string(name)
          names.add(value, hash: PythonHash.hash(value) ?? 0)
        }
        return .set(names)
      case "__mro__":
        return .tuple(
          type.mro.map(classValue) + [.function(Callable(.classSupport("object"), path: "object"))])
      case "__match_args__" where type.lookup(name) == nil:
        // `@dataclass` (match_args=True) names the fields `__init__` takes.
        if let info = type.mro.lazy.compactMap(\.dataclass).first {
          return .tuple(info.fields.filter(\.initialized).map { .string($0.name) })
        }
      default: break
      }
      guard let (value, _) = type.lookup(name) else {
        if type.kerasBase != nil || type.kerasClassBase?.hasFromConfig == true,
          name == "from_config"
        {
          return .method(receiver: base, name: name)
        }
        // Python's classes have these; ConvBook's do not model them.
        if ["__dict__", "__module__", "__weakref__"].contains(name) {
          throw .unsupported("ConvBook does not support a class's `\(name)` yet", at: range)
        }
        // `Base.__init__(self)` reaching `object`'s, `type`'s `mro`, or any attribute of a
        // class built on a Keras class (whose own are many): Python has them.
        if PythonClassDirectory.isClassAttribute(name)
          || PythonClassDirectory.names(of: type, instance: nil) == nil
            && type.mro.contains(where: {
              $0.kerasBase != nil || $0.kerasLayerClass != nil || $0.kerasClassBase != nil
            })
        {
          throw .unsupported(
            "ConvBook does not support `\(type.name).\(name)` of a class yet", at: range)
        }
        throw CellError(
          type: "AttributeError", message: "type object '\(type.name)' has no attribute '\(name)'",
          range: range, suggestion: NameSuggestion.closest(to: name, among: type.allNames))
      }
      if case .function(let member) = value, case .descriptor(let descriptor) = member.kind {
        switch descriptor.kind {
        case .staticMethod: return descriptor.function
        case .classMethod: return .method(receiver: base, name: name)
        case .property, .tfFunction: return value
        }
      }
      return value
    case .model(let model) where name == "stop_training":
      return .bool(session.training.stopTraining[ObjectIdentifier(model)] ?? false)
    case .layer(let layer)
    where name == "activation"
      && session.training.assignedActivations[ObjectIdentifier(layer)] != nil:
      return session.training.assignedActivations[ObjectIdentifier(layer)]?.value
    case .layer, .model:
      // A custom layer reached through a model (`model.layers[1].conv`): its Python attributes.
      let object: AnyObject
      switch base {
      case .layer(let layer): object = layer
      case .model(let model): object = model
      default: return nil
      }
      guard let instance = session.customLayers[ObjectIdentifier(object)] else { return nil }
      if instance.layerState?.functionalModel === object,
        let value = TrainStepModels.functionalAttribute(name, of: instance, session: session)
      {
        return value
      }
      // (Layer's own `get_config` is the custom layer's, not its traced graph's.)
      guard
        instance.attributes[name] != nil || instance.type.lookup(name) != nil
          || (name == "get_config" && instance.type.kerasBase == "Layer")
      else {
        return nil
      }
      return try instanceAttribute(name, instance, range: range)
    case .superObject(let binding):
      // CPython's `super_getattro` answers `__class__` from the super object itself.
      if name == "__class__" { return Builtins.typeValue(of: base) }
      guard let (value, _) = binding.receiverClass.lookup(name, after: binding.start) else {
        // Keras' own methods (`super().build(input_shape)`, `super().get_config()`), run or
        // refused as ConvBook's limitation when called.
        if name == "__init__" || name == "__init_subclass__"
          || binding.receiverClass.kerasBase != nil
          || binding.receiverClass.kerasClassBase != nil
        {
          return .method(receiver: base, name: name)
        }
        throw CellError(
          type: "AttributeError", message: "'super' object has no attribute '\(name)'",
          range: range)
      }
      return try bind(value, name: name, to: binding.receiver, via: base, range: range)
    default:
      return nil
    }
  }

  private func instanceAttribute(_ name: String, _ instance: PythonInstance, range: SourceRange)
    throws(CellError) -> Value
  {
    switch name {
    case "__class__": return classValue(instance.type)
    case "__dict__": return .dictionary(instance.namespace)
    default: break
    }
    let found = instance.type.lookup(name)
    // A property wins over the instance's own attributes, as a data descriptor does.
    if let (value, _) = found, case .function(let callable) = value,
      case .descriptor(let descriptor) = callable.kind, descriptor.kind == .property
    {
      return try bind(
        value, name: name, to: .instance(instance), via: .instance(instance), range: range)
    }
    if let value = instance.attributes[name] { return value }
    if let (value, _) = found {
      return try bind(
        value, name: name, to: .instance(instance), via: .instance(instance), range: range)
    }
    // `object.__setattr__`, bound: `self.__setattr__(name, value)` is `setattr(self, name,
    // value)` (keras-tcn tracks a block's sublayers by their names so in a layer's `__init__`).
    if name == "__setattr__" {
      let setter = Value.function(Callable(.classSupport("setattr"), path: "setattr"))
      return .function(
        Callable(
          .partial(
            Callable.PartialApplication(
              callee: setter, positional: [.instance(instance)], keywords: [],
              isBoundMethod: true)), path: "__setattr__"))
    }
    // The class' own `__doc__` and `__module__` (`classAttribute`).
    if name == "__doc__" || name == "__module__",
      let value = try classAttribute(name, of: classValue(instance.type), range: range)
    {
      return value
    }
    // `__getattr__` answers what the instance and its class do not have.
    if let (getter, _) = instance.type.lookup("__getattr__") {
      let site = CallSite(range: range, calleeRange: range, arguments: [], calleeText: name)
      return try callClassMember(
        getter, receiver: .instance(instance), receiverClass: instance.type,
        positional: [.string(name)], keywords: [], site: site)
    }
    if let base = instance.type.kerasClassBase,
      let value = KerasClassBase.attribute(name, of: instance, base: base)
    {
      return value
    }
    if instance.type.kerasClassBase == .legacyLayer, !name.hasPrefix("__") {
      // The copy's `Layer` attributes (`name`, `weights`, `add_weight`) are its engine's.
      throw .unsupported(
        "ConvBook does not support `\(name)` of a `tensorflow.python.keras` layer yet", at: range)
    }
    // A subclassed model given its graph is that functional model (`ClassFunctionalModels`),
    // with what its own train_step reads (`TrainStepModels`).
    if instance.layerState?.functionalModel != nil,
      let value = TrainStepModels.functionalAttribute(name, of: instance, session: session)
    {
      return value
    }
    if let model = instance.layerState?.functionalModel {
      return try Attributes.get(name, of: .model(model), range: range, interpreter: self)
    }
    // A custom layer's attributes as a Keras layer.
    if let state = instance.layerState {
      if name == "name" || (name == "_name" && kerasVersion == .keras2) {
        return .string(state.name)
      }
      try Keras3SeedStates.check(name, of: .instance(instance), interpreter: self, range: range)
      // A subclassed model's weight lists are its layers' (`TrainStepModels.variables`); Keras
      // puts the weights the model itself holds (a `tf.Variable` attribute tf-keras tracks, an
      // `add_weight` of its own) first, which ConvBook does not list.
      if name.hasSuffix("weights") || name.hasSuffix("variables") || name == "count_params",
        let refusal = untrackedLayerRefusal("`\(name)`", range: range)
          ?? TrackedMetrics.refusal("`\(name)`", of: instance, session: session, range: range)
      {
        throw refusal
      }
      if instance.type.kerasBase == "Model", !state.weightNodes.isEmpty,
        name.hasSuffix("weights") || name.hasSuffix("variables"),
        TrainStepModels.attributeNames.contains(name)
      {
        throw .unsupported(
          "ConvBook does not support `\(name)` of a subclassed model that holds weights of its own (\(instance.type.name): a tf.Variable attribute or self.add_weight()) yet; hold them in a custom layer",
          at: range)
      }
      if let value = KerasSubclassing.modelAttribute(name, of: instance, session: session)
        ?? KerasSubclassing.layerAttribute(name, of: instance)
      {
        return value
      }
      // Weight values of a traced layer are those of its graph, in the order `weights` lists.
      if let layer = state.layer, name == "get_weights" || name == "set_weights" {
        return .method(receiver: .layer(layer), name: name)
      }
      if name == "add_loss" || name == "add_metric", session.lambdaTracingDepth > 0 {
        // Inside the traced `call` (`ModelAddLoss.layerCall`).
        return .method(receiver: .instance(instance), name: name)
      }
      if KerasSubclassing.unsupportedLayerMethods.contains(name) {
        throw .unsupported(
          "ConvBook does not support `Layer.\(name)()` in custom layers yet", at: range)
      }
      if instance.type.kerasBase == "Model", name == "save" {
        // Files are ConvBook's limitation for every model (`ModelSaving`).
        return .function(Callable(.builtin("keras.Model.save"), path: "keras.Model.save"))
      }
      if instance.type.kerasBase == "Model",
        ["save_weights", "load_weights", "to_json"].contains(name)
      {
        // A subclassed model's JSON holds its own class, which ConvBook does not serialize.
        throw .unsupported(
          "ConvBook does not support `model.\(name)()` of a subclassed model yet", at: range)
      }
      if let layer = state.layer {
        return try Attributes.get(name, of: .layer(layer), range: range, interpreter: self)
      }
      if let value = KerasSubclassing.unbuiltAttribute(name, of: instance) { return value }
      // The dtype policy needs no build (Keras 3 layers pass `dtype=self.dtype_policy` on to the
      // layers their `__init__` makes): float32 unless the layer was given another dtype.
      if !state.givenOtherDType,
        let value = try LayerDTypePolicy.attribute(
          name, dtype: nil, of: instance, owner: state.name, session: session, range: range)
      {
        return value
      }
      throw .unsupported(
        "ConvBook knows the attributes of the custom layer \(state.name) (other than its name) only once it has been called on a tensor",
        at: range)
    }
    throw CellError(
      type: "AttributeError", message: "'\(instance.type.name)' object has no attribute '\(name)'",
      range: range,
      suggestion: NameSuggestion.closest(
        to: name,
        among: instance.attributeOrder + instance.type.allNames
          + KerasClassBase.inheritedNames(of: instance)))
  }

  /// What looking a class attribute up through an instance (or `super()`) gives: a bound method
  /// for a function, the function for a static method, the getter's result for a property.
  private func bind(
    _ value: Value, name: String, to receiver: Value, via base: Value, range: SourceRange
  )
    throws(CellError) -> Value
  {
    guard case .function(let callable) = value else { return value }
    switch callable.kind {
    case .user: return .method(receiver: base, name: name)
    case .descriptor(let descriptor):
      switch descriptor.kind {
      case .staticMethod: return descriptor.function
      case .classMethod, .tfFunction: return .method(receiver: base, name: name)
      case .property:
        let site = CallSite(range: range, calleeRange: range, arguments: [], calleeText: name)
        return try Calls.call(
          descriptor.function, positional: [receiver], keywords: [], site: site, interpreter: self)
      }
    default: return value
    }
  }

  /// The attribute names an instance of `type` may hold when every class of its MRO states
  /// `__slots__` (a string or an iterable of strings) and none lists `__dict__`; nil when its
  /// instances have a `__dict__` (any class without `__slots__`, or one extending a Keras class,
  /// an enumeration or a dataclass).
  func slotNames(of type: PythonClass, range: SourceRange) throws(CellError) -> Set<String>? {
    var names: Set<String> = []
    for member in type.mro {
      guard member.kerasBase == nil, member.kerasClassBase == nil, member.enumKind == nil,
        member.dataclass == nil, !member.extendsGeneric, let slots = member.namespace["__slots__"]
      else { return nil }
      let items: [Value]
      if case .string = slots { items = [slots] } else { items = try iterate(slots, range: range) }
      for item in items {
        guard case .string(let slot) = item else { return nil }
        if slot == "__dict__" { return nil }
        names.insert(slot)
      }
    }
    return names
  }

  /// `instance.name = value` and `Class.name = value`; false for other values.
  func setClassAttribute(_ name: String, of base: Value, to value: Value, range: SourceRange)
    throws(CellError) -> Bool
  {
    switch base {
    case .instance(let instance):
      if name == (kerasVersion == .keras2 ? "_name" : "name"), let state = instance.layerState,
        state.functionalModel == nil, instance.type.kerasBase == "Layer"
      {
        // tf-keras renames a custom layer so (the siamese tutorial's `siamese_layer._name =
        // 'distance'`), Keras 3 by its plain `name`; Keras 3 keeps `_name` as an attribute of the
        // layer's own, tf-keras' `name` is a read-only property.
        guard case .string(let newName) = value else {
          throw .unsupported("ConvBook renames a layer only to a string", at: range)
        }
        state.rename(newName)
        return true
      }
      if instance.type.enumKind != nil, name == "name" || name == "value" {
        // The `name` and `value` properties of `Enum` have no setter.
        throw CellError(
          type: "AttributeError", message: "<enum 'Enum'> cannot set attribute '\(name)'",
          range: range)
      }
      if instance.type.mro.contains(where: { $0.dataclass?.frozen == true }) {
        throw CellError(
          type: StandardDataclasses.frozenInstanceError,
          message: "cannot assign to field '\(name)'", range: range)
      }
      if let slots = try slotNames(of: instance.type, range: range), !slots.contains(name),
        instance.type.lookup(name) == nil
      {
        // A class whose every class defines `__slots__` has no `__dict__`: only those names.
        throw CellError(
          type: "AttributeError",
          message: "'\(instance.type.name)' object has no attribute '\(name)'", range: range)
      }
      if let (member, _) = instance.type.lookup(name), case .function(let callable) = member,
        case .descriptor(let descriptor) = callable.kind, descriptor.kind == .property
      {
        guard let setter = descriptor.setter else {
          throw CellError(
            type: "AttributeError",
            message: "property '\(name)' of '\(instance.type.name)' object has no setter",
            range: range)
        }
        let site = CallSite(range: range, calleeRange: range, arguments: [], calleeText: name)
        _ = try Calls.call(
          setter, positional: [base, value], keywords: [], site: site, interpreter: self)
        return true
      }
      if instance.type.kerasBase != nil, instance.type.lookup(name) == nil,
        KerasSubclassing.readOnlyProperties(
          model: instance.type.kerasBase == "Model", keras3: kerasVersion == .keras3
        ).contains(name)
      {
        throw CellError(
          type: "AttributeError",
          message: "property '\(name)' of '\(instance.type.name)' object has no setter",
          range: range)
      }
      if kerasVersion == .keras2, instance.type.kerasBase == "Model", instance.layerState == nil,
        KerasSubclassing.holdsOnlyTrackedObjects(value)
      {
        // tf-keras' `Model.__setattr__` needs its own `__init__` before a layer or variable is set.
        throw CellError(
          type: "RuntimeError",
          message:
            "It looks like you are subclassing `Model` and you forgot to call `super().__init__()`. Always start with this line.",
          range: range)
      }
      if instance.attributes[name] == nil { try budget.allocate(slots: 2, at: range) }
      if name == "trainable", instance.layerState != nil {
        KerasSubclassing.setTrainable(value.isTruthy, of: instance, session: session)
      }
      var value = value
      if kerasVersion == .keras2, instance.type.kerasBase != nil {
        KerasSubclassing.untrackReplacedVariable(named: name, in: instance)
      }
      if kerasVersion == .keras2, instance.type.kerasBase != nil,
        case .standard(let object) = value, let variable = object as? EagerVariable
      {
        // tf-keras tracks a variable set on a layer as one of its weights (counted in `summary()`,
        // trained, saved); Keras 3 does not.
        value = try KerasSubclassing.trackVariable(
          variable, in: instance, range: range, interpreter: self)
      }
      if kerasVersion == .keras3, instance.type.kerasBase != nil,
        case .standard(let object) = value, let variable = object as? EagerVariable,
        variable.kerasPath != nil
      {
        // Keras 3 tracks its own `keras.Variable` set on a layer (not a `tf.Variable`).
        value = try KerasSubclassing.trackVariable(
          variable, in: instance, range: range, interpreter: self)
      }
      if kerasVersion == .keras3, instance.type.kerasBase != nil {
        value = try Keras3LayerTracking.track(value, by: instance, interpreter: self, range: range)
      }
      instance.set(name, value)
      instance.untrackedAttributes.remove(name)
      if instance.type.kerasBase != nil, case .list(let list) = value {
        list.heldByKerasLayer = true
      }
      return true
    case .function(let callable):
      guard case .userClass(let type) = callable.kind else { return false }
      type.set(name, value)
      return true
    case .layer(let layer):
      return try ClassLayerSettings.set(
        name, of: layer, to: value, range: range, interpreter: self)
    case .model(let model) where name == "stop_training":
      // A callback ending the training (`self.model.stop_training = True`).
      session.training.stopTraining[ObjectIdentifier(model)] = value.isTruthy
      return true
    default:
      return false
    }
  }

  /// Calls a value of the class machinery: a class, an instance with `__call__`, a method bound
  /// to an instance, a class or `super()`. Nil for any other callee.
  func callClassValue(
    _ callee: Value, positional: [Value], keywords: [(String, Value)], site: CallSite
  ) throws(CellError) -> Value? {
    switch callee {
    case .function(let callable):
      switch callable.kind {
      case .userClass(let type):
        return try instantiate(type, positional: positional, keywords: keywords, site: site)
      case .descriptor(let descriptor) where descriptor.kind == .staticMethod:
        return try Calls.call(
          descriptor.function, positional: positional, keywords: keywords, site: site,
          interpreter: self)
      case .descriptor(let descriptor) where descriptor.kind == .tfFunction:
        return try runTFFunction(
          descriptor, positional: positional, keywords: keywords, site: site)
      case .descriptor(let descriptor):
        throw CellError(
          type: "TypeError", message: "'\(descriptor.kind.rawValue)' object is not callable",
          range: site.range)
      case .classSupport(let name):
        return try ClassBuiltins.call(
          name, positional: positional, keywords: keywords, site: site, interpreter: self)
      default: return nil
      }
    case .instance(let instance) where instance.layerState?.functionalModel != nil:
      return try Calls.call(
        .model(instance.layerState!.functionalModel!), positional: positional,
        keywords: keywords, site: site, interpreter: self)
    case .instance(let instance) where instance.type.kerasBase != nil:
      return try KerasSubclassing.call(
        instance, positional: positional, keywords: keywords, site: site, interpreter: self)
    case .instance(let instance):
      guard let (member, _) = instance.type.lookup("__call__") else {
        if let base = instance.type.kerasClassBase {
          return try KerasClassBase.callInstance(
            instance, base: base, positional: positional, keywords: keywords, site: site,
            interpreter: self)
        }
        throw CellError(
          type: "TypeError", message: "'\(instance.type.name)' object is not callable",
          range: site.range)
      }
      return try callClassMember(
        member, receiver: callee, receiverClass: instance.type, positional: positional,
        keywords: keywords, site: site)
    case .method(.instance(let instance), let name):
      guard let (member, _) = instance.type.lookup(name) else {
        if let base = instance.type.kerasClassBase {
          return try KerasClassBase.callMethod(
            name, of: instance, base: base, positional: positional, keywords: keywords,
            site: site, interpreter: self)
        }
        if let model = instance.layerState?.functionalModel {
          return try Calls.call(
            .method(receiver: .model(model), name: name), positional: positional,
            keywords: keywords, site: site, interpreter: self)
        }
        if name == "add_loss" || name == "add_metric", let state = instance.layerState,
          session.lambdaTracingDepth > 0
        {
          if name == "add_metric", kerasVersion == .keras3 {
            throw CellError(
              type: "NotImplementedError",
              message:
                "Layer `add_metric()` method is deprecated. Add your metric in `Model.compile(metrics=[...])`, or create metric trackers in init() or build() when subclassing the layer or model, then call `metric.update_state()` whenever necessary.",
              range: site.range)
          }
          return try ModelAddLoss.layerCall(
            name, state: state, positional: positional, keywords: keywords, site: site,
            keras3: kerasVersion == .keras3)
        }
        if name == "add_weight", instance.layerState != nil {
          return try KerasSubclassing.addWeight(
            instance, positional: positional, keywords: keywords, site: site, interpreter: self)
        }
        if name == "get_config", instance.layerState != nil, instance.type.kerasBase == "Layer" {
          guard positional.isEmpty, keywords.isEmpty else {
            throw CellError(
              type: "TypeError",
              message:
                "Layer.get_config() takes 1 positional argument but \(positional.count + 1) were given",
              range: site.range)
          }
          return try KerasSubclassing.automaticConfig(of: instance, site: site, interpreter: self)
        }
        return try KerasSubclassing.modelMethod(
          name, of: instance, positional: positional, keywords: keywords, site: site,
          interpreter: self)
      }
      return try callClassMember(
        member, receiver: .instance(instance), receiverClass: instance.type,
        positional: positional, keywords: keywords, site: site)
    case .method(let receiver, let name):
      if case .function(let callable) = receiver, case .userClass(let type) = callable.kind,
        let (member, _) = type.lookup(name)
      {
        return try callClassMember(
          member, receiver: receiver, receiverClass: type, positional: positional,
          keywords: keywords, site: site)
      }
      if case .function(let callable) = receiver, case .userClass(let type) = callable.kind,
        type.kerasBase != nil || type.kerasClassBase?.hasFromConfig == true,
        name == "from_config"
      {
        return try KerasSubclassing.fromConfig(
          type, positional: positional, keywords: keywords, site: site, interpreter: self)
      }
      if case .superObject(let binding) = receiver {
        guard let (member, _) = binding.receiverClass.lookup(name, after: binding.start) else {
          if let base = binding.receiverClass.kerasClassBase,
            case .instance(let instance) = binding.receiver
          {
            return try KerasClassBase.callMethod(
              name, of: instance, base: base, positional: positional, keywords: keywords,
              site: site, interpreter: self)
          }
          if binding.receiverClass.kerasBase != nil, name == "__init__",
            case .instance(let instance) = binding.receiver
          {
            try KerasSubclassing.initialize(
              instance, positional: positional, keywords: keywords, site: site, interpreter: self)
            return Value.none
          }
          if binding.receiverClass.kerasLayerClass != nil,
            case .instance(let instance) = binding.receiver
          {
            return try KerasSubclassing.builtinMethod(
              name, of: instance, positional: positional, keywords: keywords, site: site,
              interpreter: self)
          }
          if binding.receiverClass.kerasBase != nil, name == "get_config",
            case .instance(let instance) = binding.receiver
          {
            return try KerasSubclassing.baseConfig(of: instance, site: site, interpreter: self)
          }
          // `super().compile(...)` in a model that overrides `compile` (a GAN keeping its two
          // optimizers), and Model's other methods.
          if binding.receiverClass.kerasBase == "Model", name != "build",
            case .instance(let instance) = binding.receiver,
            let result = try KerasSubclassing.modelMethod(
              name, of: instance, positional: positional, keywords: keywords, site: site,
              interpreter: self)
          {
            return result
          }
          if binding.receiverClass.kerasBase == "Model", name == "build",
            case .instance(let instance) = binding.receiver, let state = instance.layerState,
            state.buildingInput == nil
          {
            // From `model.build(shape)`: tf-keras' `Model.build` traces `call` on placeholders
            // (the model's own `build`, which is running, not again); Keras 3's only marks the
            // model built. (In the build of a first call, the call's trace follows.)
            state.runsOwnBuild = true
            defer { state.runsOwnBuild = false }
            return try KerasSubclassing.modelMethod(
              name, of: instance, positional: positional, keywords: keywords, site: site,
              interpreter: self) ?? Value.none
          }
          if binding.receiverClass.kerasBase != nil, name == "build" {
            // `Layer.build` only marks the layer built, which its first call does anyway.
            return Value.none
          }
          if binding.receiverClass.kerasBase != nil {
            throw .unsupported(
              "ConvBook does not support calling keras.layers.Layer.\(name)() from a custom layer yet",
              at: site.range)
          }
          if name == "__init_subclass__" {
            // `object.__init_subclass__`: does nothing (class keywords are refused before).
            guard positional.isEmpty, keywords.isEmpty else {
              throw .unsupported(
                "ConvBook does not support arguments to object.__init_subclass__() yet",
                at: site.range)
            }
            return Value.none
          }
          // `object.__init__`: takes the instance only.
          guard positional.isEmpty && keywords.isEmpty else {
            let overrides = binding.receiverClass.lookup("__init__") != nil
            throw CellError(
              type: "TypeError",
              message:
                "\(overrides ? "object" : binding.receiverClass.name).__init__() takes exactly one argument (the instance to initialize)",
              range: site.range)
          }
          return Value.none
        }
        return try callClassMember(
          member, receiver: binding.receiver, receiverClass: binding.receiverClass,
          positional: positional, keywords: keywords, site: site)
      }
      if case .function(let callable) = receiver, case .descriptor(let descriptor) = callable.kind,
        name == "setter"
      {
        // `@name.setter`: a copy of the property with this setter.
        guard positional.count == 1, keywords.isEmpty else {
          throw CellError(
            type: "TypeError", message: "setter() takes exactly one argument", range: site.range)
        }
        return .function(
          Callable(
            .descriptor(
              MethodDescriptor(
                kind: .property, function: descriptor.function, setter: positional[0])),
            path: "property"))
      }
      if case .kerasObject(let object) = receiver {
        if name == "get_config",
          let config = LayerConfig.objectConfig(object, keras3: kerasVersion == .keras3)
        {
          guard positional.isEmpty, keywords.isEmpty else {
            throw CellError(
              type: "TypeError",
              message:
                "\(object.typeName).get_config() takes 1 positional argument but \(positional.count + keywords.count + 1) were given",
              range: site.range)
          }
          return config
        }
        if name == "get_config",
          OptimizerConfig.isOptimizer(object, keras3: kerasVersion == .keras3)
        {
          guard positional.isEmpty, keywords.isEmpty else {
            throw CellError(
              type: "TypeError",
              message:
                "Optimizer.get_config() takes 1 positional argument but \(positional.count + keywords.count + 1) were given",
              range: site.range)
          }
          return try OptimizerConfig.config(
            of: object, serializing: false, interpreter: self, range: site.range)
        }
        if name == "get_config", ScheduleObjects.isSchedule(object) {
          guard positional.isEmpty, keywords.isEmpty else {
            throw CellError(
              type: "TypeError",
              message:
                "\(object.typeName).get_config() takes 1 positional argument but \(positional.count + keywords.count + 1) were given",
              range: site.range)
          }
          return try ScheduleObjects.config(
            object, keras3: kerasVersion == .keras3, range: site.range)
        }
        // `optimizer.apply_gradients(...)` in a custom training loop.
        if let result = try TapeOptimizers.method(
          name, of: object, positional: positional, keywords: keywords, site: site,
          interpreter: self)
        {
          return result
        }
        return try ContextManagers.method(name, of: object, positional: positional, site: site)
      }
      if case .string(let template) = receiver, name == "format" {
        // `"{}".format(obj)` shows an instance through its own `__str__` / `__repr__`.
        let shown = PythonText.Shown(formatTemplate: template)
        let whole = !PythonText.Shown.formatFieldsReachInside(template)
        for value in positional + keywords.map(\.1) {
          try prepareText(value, range: site.range, as: shown, showsWhole: whole)
        }
      }
      return nil
    default:
      return nil
    }
  }

  /// A `tf.function` runs its Python function eagerly. TensorFlow returns what the graph computes
  /// as tensors: each number, NumPy array or tensor the function returns, alone or in a tuple,
  /// becomes the eager tensor `tf.constant` would make of it (`tf.Tensor(6, shape=(), dtype=int32)`
  /// for a Python 6); a function that returns nothing (a step that updates state) returns None.
  private func runTFFunction(
    _ descriptor: MethodDescriptor, positional: [Value], keywords: [(String, Value)],
    site: CallSite
  ) throws(CellError) -> Value {
    let random = session.eagerRandom
    guard
      random.enterFunction(
        trace: Self.traceKey(descriptor, positional: positional, keywords: keywords),
        exact: Self.traceKey(descriptor, positional: positional, keywords: keywords, exact: true))
    else {
      random.exitFunction()
      throw .unsupported(
        "ConvBook does not support calling a `tf.function` with Python values equal to those of an earlier call but of other types yet (TensorFlow runs the graph it traced for the earlier ones, with their values)",
        at: site.range)
    }
    tfFunctionDepth += 1
    defer {
      tfFunctionDepth -= 1
      random.exitFunction()
    }
    let result: Value
    do {
      result = try Calls.call(
        descriptor.function, positional: positional, keywords: keywords, site: site,
        interpreter: self)
    } catch {
      throw try AutoGraphErrors.leavingFunction(error, site: site, interpreter: self)
    }
    return try Self.tfFunctionOutput(result, range: site.range)
  }

  /// Which graph TensorFlow runs for a call of a `tf.function`: one per function and arguments,
  /// Python numbers, strings and None by value, tensors and arrays by dtype and shape, the
  /// instance of a method by identity; nil for other arguments, whose traces ConvBook does not
  /// follow.
  private static func traceKey(
    _ descriptor: MethodDescriptor, positional: [Value], keywords: [(String, Value)],
    exact: Bool = false
  ) -> String? {
    func part(_ value: Value) -> String? {
      switch value {
      case .none: return "None"
      case .bool(let flag) where exact: return "b\(flag)"
      case .float(let number) where exact: return "f\(number.bitPattern)"
      // Python values key the cache by equality (`f(1.0)` and `f(True)` run `f(1)`'s graph).
      case .bool(let flag): return "i\(flag ? 1 : 0)"
      case .int(let number): return "i\(number)"
      case .float(let number) where number.rounded() == number && abs(number) < 0x1p62:
        return "i\(Int(number))"
      case .float(let number): return "f\(number.bitPattern)"
      case .string(let text): return "s\(text.debugDescription)"
      // A NumPy array is a tensor of its dtype and shape to TensorFlow.
      case .array(let array):
        return "t\(array.tensorFlowDType ?? array.dtype.rawValue)\(array.shape)"
      case .standard(let scalar as NumPyScalar): return "t\(scalar.dtype.rawValue)[]"
      case .instance(let instance): return "o\(UInt(bitPattern: ObjectIdentifier(instance)))"
      default: return nil
      }
    }
    var parts = ["\(UInt(bitPattern: ObjectIdentifier(descriptor)))"]
    for value in positional {
      guard let text = part(value) else { return nil }
      parts.append(text)
    }
    for (name, value) in keywords {
      guard let text = part(value) else { return nil }
      parts.append("\(name)=\(text)")
    }
    return parts.joined(separator: ",")
  }

  /// What TensorFlow hands back for `value` returned by a `tf.function`'s Python function.
  private static func tfFunctionOutput(_ value: Value, range: SourceRange) throws(CellError)
    -> Value
  {
    switch value {
    case .none: return .none
    case .tuple(let items):
      var outputs: [Value] = []
      for item in items { outputs.append(try tfFunctionOutput(item, range: range)) }
      return .tuple(outputs)
    case .array, .int, .float, .bool, .standard(is NumPyScalar):
      return .array(
        try EagerTensors.convert(value, dtype: nil, function: "tf.function", range: range))
    default:
      throw .unsupported(
        "ConvBook does not support calling a `tf.function` that returns a \(value.typeName) yet (TensorFlow returns its tensors, numbers and arrays as tf.Tensor values)",
        at: range)
    }
  }

  /// `super()` inside a method: the method's class and its first argument.
  func zeroArgumentSuper(range: SourceRange) throws(CellError) -> Value {
    guard let function = currentFunction, let scope else {
      throw CellError(type: "RuntimeError", message: "super(): no arguments", range: range)
    }
    guard let type = function.classCell?.value else {
      throw CellError(
        type: "RuntimeError", message: "super(): __class__ cell not found", range: range)
    }
    guard let first = function.parameters.first(where: { $0.kind == .positional }),
      let receiver = scope.names[first.name]
    else {
      throw CellError(type: "RuntimeError", message: "super(): no arguments", range: range)
    }
    var receiverClass: PythonClass?
    switch receiver {
    case .instance(let instance): receiverClass = instance.type
    case .function(let callable):
      if case .userClass(let type) = callable.kind { receiverClass = type }
    default: break
    }
    guard let receiverClass, receiverClass.isSubclass(of: type) else {
      throw CellError(
        type: "TypeError", message: "super(type, obj): obj must be an instance or subtype of type",
        range: range)
    }
    return .superObject(
      SuperBinding(receiver: receiver, receiverClass: receiverClass, start: type))
  }

  // MARK: Text

  /// Runs the `__repr__` or `__str__` (as `shown` asks) of the instances in `value` (inside
  /// containers too, whose items show their repr) and keeps their text on them, for `PythonText`
  /// to show. Only the methods CPython calls run: a `print()` inside an unused `__repr__` prints
  /// nothing, and one that raises breaks nothing.
  func prepareText(
    _ value: Value, range: SourceRange, as shown: PythonText.Shown = .both, showsWhole: Bool = true,
    depth: Int = 0
  ) throws(CellError) {
    guard depth <= PythonText.maximumNesting else { return }
    let itemsShown: PythonText.Shown = shown == .both ? .both : .repr
    switch value {
    case .instance(let instance):
      let identity = ObjectIdentifier(instance)
      for method in shown.methods(of: instance.type) {
        let (keep, running) =
          method == "__repr__"
          ? (\PythonInstance.shownRepr, \Interpreter.preparingRepr)
          : (\PythonInstance.shownStr, \Interpreter.preparingStr)
        guard let (member, _) = instance.type.lookup(method) else { continue }
        if self[keyPath: running].contains(identity) {
          // `__str__` formatting its own instance with `%` or `.format` may ask for its repr
          // only (its repr is made again here); a `__repr__` reached again from inside itself
          // (`return repr(self)`, or `str(self)` without a `__str__`), or a `__str__` calling
          // `str(self)`, recurses until CPython's RecursionError, whose traceback ConvBook does
          // not reproduce.
          if method == "__str__", shown == .both { continue }
          throw .unsupported(
            "ConvBook does not support a `\(method)` that asks for the \(method == "__repr__" ? "repr" : "str") of its own instance (`\(instance.type.name).\(method)` runs into itself until CPython's RecursionError) yet",
            at: range)
        }
        self[keyPath: running].insert(identity)
        defer { self[keyPath: running].remove(identity) }
        let site = CallSite(range: range, calleeRange: range, arguments: [], calleeText: method)
        let text = try callClassMember(
          member, receiver: value, receiverClass: instance.type, positional: [], keywords: [],
          site: site)
        guard case .string(let string) = text else {
          throw CellError(
            type: "TypeError", message: "\(method) returned non-string (type \(text.typeName))",
            range: range)
        }
        instance[keyPath: keep] = string
      }
      // Keras 3's `Layer.__repr__` for an instance of a layer or model subclass that does not
      // define its own (tf-keras' is Python's default).
      if let state = instance.layerState, kerasVersion == .keras3,
        instance.type.lookup("__repr__") == nil
      {
        var built = state.layer != nil || state.isBuilt
        if case .bool(let flag)? = instance.attributes["built"] { built = flag }
        instance.shownRepr = KerasObjectText.keras3Repr(
          className: instance.type.name, name: state.name, built: built)
      }
    case .list, .tuple:
      for item in value.sequenceItems ?? [] {
        try prepareText(item, range: range, as: itemsShown, depth: depth + 1)
      }
    case .dictionary(let dictionary):
      for (key, item) in dictionary.pairs {
        try prepareText(key, range: range, as: itemsShown, depth: depth + 1)
        try prepareText(item, range: range, as: itemsShown, depth: depth + 1)
      }
    case .set(let set):
      for item in set.items {
        try prepareText(item, range: range, as: itemsShown, depth: depth + 1)
      }
    case .layer, .model:
      // tf-keras' objects have Python's default repr, which names their memory address
      // (`<tf_keras.src.layers.core.dense.Dense object at 0x7f...>`); Keras 3's name the layer.
      if session.package(of: value) == .keras2 {
        throw .unsupported(
          "ConvBook does not print a tf-keras layer or model object: Python shows its memory address (`<... object at 0x...>`), which changes from run to run; print its .name instead",
          at: range)
      }
    case .standard(let description as SklearnDatasetDescription):
      throw .unsupported(description.refusal, at: range)
    case .standard(let metric as KerasMetricObject) where !metric.keras3 && shown == .repr:
      // tf-keras' metrics show their config as str only; their repr is Python's default, with
      // the object's memory address (`<tf_keras.src.metrics.base_metric.Mean object at 0x...>`).
      throw .unsupported(
        "ConvBook does not print a tf-keras metric object's repr: Python shows its memory address (`<... object at 0x...>`), which changes from run to run; print it alone (its str) or its .name",
        at: range)
    case .standard(let object as MatplotlibObject):
      // `<Figure size 640x480 with 1 Axes>`, `Text(0.5, 1.0, 'loss')`,
      // `<matplotlib.lines.Line2D object at 0x7f...>`: the state of a figure ConvBook does not draw.
      throw .unsupported(
        "ConvBook does not print matplotlib's \(object.typeName) object: it draws no figures, so it does not know its text",
        at: range)
    case .standard(let grid as AxesGrid):
      throw .unsupported(
        "ConvBook does not print matplotlib's \(grid.typeName) of Axes: it draws no figures, so it does not know their text",
        at: range)
    case .standard(let module as ScriptModule) where session.scriptName != nil:
      // `<module 'model' from '/home/.../model.py'>`: where the script's folder is.
      throw .unsupported(
        "ConvBook does not print the module `\(module.name)`: Python shows the file it was loaded from, which depends on where the script's folder is",
        at: range)
    case .module(let module)
    where session.scriptName != nil
      && !PythonText.builtInModules.contains(module.pythonName)
      && !PythonText.frozenModules.contains(module.pythonName):
      // `<module 'math' from '/usr/lib/python3.11/lib-dynload/math....so'>`: the file depends on
      // the installation.
      throw .unsupported(
        "ConvBook does not print the module `\(module.pythonName)`: Python shows the file it was loaded from, which depends on the installation",
        at: range)
    case .kerasTensor(let tensor):
      // A tensor of a Sequential model built by a call on data: Keras made it with the data's
      // batch size, which its `.shape` shows but ConvBook's text of the tensor does not.
      if EagerCalls.shownShape(of: tensor, session: session) != tensor.shape {
        throw .unsupported(
          "ConvBook does not print a tensor of a Sequential model built by a call on data yet (Keras shows the data's batch size in it); print its .shape instead",
          at: range)
      }
    default: break
    }
    // A lesson shows such objects without their address (pages stay the same from run to run);
    // `convbook run` prints what Python prints, which it cannot for an address.
    if depth == 0, showsWhole, session.scriptName != nil,
      let object = PythonText.addressedObject(in: value, shown: shown)
    {
      throw .unsupported(
        "ConvBook does not print `\(object)`: Python shows the object's memory address, which changes from run to run (print its attributes, or give its class a __repr__)",
        at: range)
    }
  }

  // MARK: with

  /// `with a as x, b:` runs as nested `with` statements. A context manager of TensorFlow's
  /// (`tf.device`, `strategy.scope()`, `tf.name_scope`) changes nothing ConvBook models; a cell's
  /// own class runs its `__enter__` and `__exit__`.
  func executeWith(_ items: ArraySlice<WithItem>, body: [Statement], statement: Statement)
    throws(CellError) -> Flow
  {
    guard let item = items.first else { return try execute(body) }
    let manager = try evaluate(item.context)
    let range = item.context.range
    let site = CallSite(range: range, calleeRange: range, arguments: [], calleeText: "")
    var exitMethod: (member: Value, type: PythonClass)?
    let entered: Value
    switch manager {
    case .instance(let instance):
      guard let (enter, _) = instance.type.lookup("__enter__") else {
        throw CellError(
          type: "TypeError",
          message: "'\(instance.type.name)' object does not support the context manager protocol",
          range: range)
      }
      guard let (exit, _) = instance.type.lookup("__exit__") else {
        throw CellError(
          type: "TypeError",
          message:
            "'\(instance.type.name)' object does not support the context manager protocol (missed __exit__ method)",
          range: range)
      }
      exitMethod = (exit, instance.type)
      entered = try callClassMember(
        enter, receiver: manager, receiverClass: instance.type, positional: [], keywords: [],
        site: site)
    case .standard(let tape as GradientTape):
      // `with tf.GradientTape() as tape:` records while its block runs.
      let tapes = session.eagerTapes
      tapes.active.append(tape)
      defer { tapes.stop(tape) }
      if let target = item.target { try assign(manager, to: target, statement: statement) }
      return try executeWith(items.dropFirst(), body: body, statement: statement)
    case .standard(let context as GeneratorContextManager):
      // `with` a `@contextmanager` function's call: its generator runs to the `yield`, and after
      // the block (however it ends: `return` and `break` too) on to its end.
      let entered = try context.enter(interpreter: self, range: range)
      let flow: Flow
      do {
        if let target = item.target { try assign(entered, to: target, statement: statement) }
        flow = try executeWith(items.dropFirst(), body: body, statement: statement)
      } catch {
        // ConvBook's own refusals are no Python exceptions; Python's are thrown into the
        // generator, which may catch them (the `with` statement then ends normally).
        guard error.type != nil, error.type != "GeneratorExit" else { throw error }
        _ = try context.exit(throwing: error, interpreter: self, range: range)
        return .normal
      }
      try context.exit(interpreter: self, range: range)
      return flow
    case .standard(let redirect as RedirectStandardOutput):
      // `with redirect_stdout(buffer) as target:` binds the buffer; output goes back to where it
      // went before however the block ends.
      standardOutputRedirects.append(
        try redirect.destination(outside: standardOutputRedirects.last, range: range))
      defer { standardOutputRedirects.removeLast() }
      if let target = item.target { try assign(redirect.target, to: target, statement: statement) }
      return try executeWith(items.dropFirst(), body: body, statement: statement)
    case .standard(let buffer as StringBuffer):
      // `with io.StringIO() as buffer:` closes the buffer however the block ends.
      let flow: Flow
      do {
        if let target = item.target { try assign(manager, to: target, statement: statement) }
        flow = try executeWith(items.dropFirst(), body: body, statement: statement)
      } catch {
        buffer.close()
        throw error
      }
      buffer.close()
      return flow
    case .standard(let context as NullContext):
      if let target = item.target { try assign(context.result, to: target, statement: statement) }
      return try executeWith(items.dropFirst(), body: body, statement: statement)
    case .standard(let scope as CustomObjects.Scope):
      // `with custom_object_scope({...}) as scope:` makes its names visible inside the block.
      session.customObjectScopes.append(scope)
      defer { session.customObjectScopes.removeLast() }
      if let target = item.target { try assign(manager, to: target, statement: statement) }
      return try executeWith(items.dropFirst(), body: body, statement: statement)
    default:
      guard let value = try ContextManagers.enter(manager, range: range) else {
        throw CellError(
          type: "TypeError",
          message: "'\(manager.typeName)' object does not support the context manager protocol",
          range: range)
      }
      entered = value
    }
    guard let exitMethod else {
      if let target = item.target { try assign(entered, to: target, statement: statement) }
      return try executeWith(items.dropFirst(), body: body, statement: statement)
    }
    let flow: Flow
    do {
      if let target = item.target { try assign(entered, to: target, statement: statement) }
      flow = try executeWith(items.dropFirst(), body: body, statement: statement)
    } catch {
      // `__exit__(type, value, traceback)`; a true result swallows the exception.
      guard let type = error.type else { throw error }
      let caught = kerasVersion == .keras3 ? Keras3Wording.translate(error) : error
      let suppress = try callClassMember(
        exitMethod.member, receiver: manager, receiverClass: exitMethod.type,
        positional: [
          .function(Callable(.builtin(type), path: type)), .exception(PythonException(caught)),
          Value.none,
        ], keywords: [], site: site)
      if suppress.isTruthy { return .normal }
      throw error
    }
    _ = try callClassMember(
      exitMethod.member, receiver: manager, receiverClass: exitMethod.type,
      positional: [Value.none, Value.none, Value.none], keywords: [], site: site)
    return flow
  }
}
