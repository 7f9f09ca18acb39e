import CNNEngine

/// A function defined in a cell with `def` or `lambda`: its code, the defaults evaluated when it
/// was defined (as Python does), and the scope it closes over.
public final class UserFunction {
  enum Body {
    case statements([Statement])
    case expression(Expression)
  }

  /// `make_model`, `<lambda>`.
  let name: String
  /// `outer.<locals>.inner`, as CPython names a nested function in messages.
  let qualifiedName: String
  let parameters: [FunctionParameter]
  /// The default of each parameter that has one, by name.
  let defaults: [String: Value]
  let body: Body
  /// Whether calling it makes a generator (its body has a `yield`).
  let isGenerator: Bool
  /// The scope of the function that defined this one (nil at module level).
  let closure: Scope?
  /// The cell that defined the function: an error inside it, when called from a later cell, is
  /// reported at the call, the place in the running cell's own source.
  let cellIndex: Int
  /// The class whose body defined this function (CPython's `__class__` cell), for `super()`.
  var classCell: ClassCell?
  /// The function's own attributes (its `__dict__`, and what `functools.update_wrapper` gave it:
  /// `__name__`, `__doc__`, `__wrapped__`, ...), read before the defaults of `attribute(_:)`.
  var attributes: [String: Value] = [:]
  /// Attributes `update_wrapper` copied from something whose value ConvBook does not have (a
  /// Keras class' `__doc__`): reading one is refused with this message.
  var refusedAttributes: [String: String] = [:]
  /// The script's own module that defined it (nil: the script): its globals are that module's.
  var module: ScriptModule?

  /// The names CPython's compiler makes local to the function: those its body binds (assignments,
  /// `for` and `with` targets, `def`, `class`, `except ... as`, `del`; imports, which ConvBook
  /// binds in the globals, aside) and does not declare `global` or `nonlocal`. Reading one before it is bound raises UnboundLocalError,
  /// whatever the enclosing scopes and the globals hold.
  let localNames: Set<String>

  /// The attributes every CPython function has that ConvBook's functions do not carry: reading
  /// one is ConvBook's limitation, never an AttributeError.
  static let unmodelledAttributes: Set<String> = [
    "__annotations__", "__defaults__", "__kwdefaults__", "__code__", "__globals__", "__closure__",
    "__dict__", "__builtins__", "__type_params__",
  ]

  /// `f.__name__`, `f.__doc__`, ...: what Python gives a function that has not been changed.
  func attribute(_ name: String) -> Value? {
    if let value = attributes[name] { return value }
    switch name {
    case "__name__": return .string(self.name)
    case "__qualname__": return .string(qualifiedName)
    case "__module__": return .string(module?.name ?? "__main__")
    case "__doc__":
      // The docstring: a string literal as the body's first statement.
      if case .statements(let statements) = body, let first = statements.first,
        case .expression(let expression) = first.kind, case .string(let text) = expression.kind
      {
        return .string(text)
      }
      return Value.none
    default: return nil
    }
  }

  init(
    name: String, qualifiedName: String, parameters: [FunctionParameter], defaults: [String: Value],
    body: Body, closure: Scope?, cellIndex: Int, isGenerator: Bool = false
  ) {
    self.isGenerator = isGenerator
    self.cellIndex = cellIndex
    self.name = name
    self.qualifiedName = qualifiedName
    self.parameters = parameters
    self.defaults = defaults
    self.body = body
    self.closure = closure
    if case .statements(let statements) = body {
      localNames = Self.localNames(of: statements)
    } else {
      localNames = []
    }
  }

  private static func localNames(of body: [Statement]) -> Set<String> {
    var bound = Set(FailedCell.boundNames(body))
    var declared: Set<String> = []
    func walk(_ statements: [Statement]) {
      for statement in statements {
        switch statement.kind {
        case .scopeDeclaration(_, let names): declared.formUnion(names)
        // ConvBook binds what an import inside a function imports in the globals.
        case .importModules(let modules): declared.formUnion(modules.map(\.boundName))
        case .importNames(_, let imported), .relativeImport(_, _, let imported):
          declared.formUnion(imported.map(\.boundName))
        case .delete(let targets):
          for target in targets { if case .name(let name) = target.kind { bound.insert(name) } }
        case .tryStatement(let body, let handlers, let elseBody, let finallyBody):
          walk(body)
          for handler in handlers {
            if let name = handler.name { bound.insert(name) }
            walk(handler.body)
          }
          walk(elseBody ?? [])
          walk(finallyBody ?? [])
        case .forLoop(_, _, let body, let elseBody), .whileLoop(_, let body, let elseBody):
          walk(body)
          walk(elseBody ?? [])
        case .ifStatement(let branches, let elseBody):
          for branch in branches { walk(branch.body) }
          walk(elseBody ?? [])
        case .withStatement(_, let body): walk(body)
        case .matchStatement(_, let cases): for matchCase in cases { walk(matchCase.body) }
        default: break
        }
      }
    }
    walk(body)
    return bound.subtracting(declared)
  }

  /// Binds a call's arguments to the parameters as CPython does, with its messages.
  func bind(positional: [Value], keywords: [(String, Value)], range: SourceRange)
    throws(CellError) -> [String: Value]
  {
    func typeError(_ message: String) -> CellError {
      CellError(type: "TypeError", message: "\(qualifiedName)() \(message)", range: range)
    }
    var bound: [String: Value] = [:]
    let positionalParameters = parameters.filter { $0.kind == .positional }
    let variadic = parameters.first { $0.kind == .variadic }
    let variadicKeywords = parameters.first { $0.kind == .variadicKeywords }
    for (index, value) in positional.enumerated() where index < positionalParameters.count {
      bound[positionalParameters[index].name] = value
    }
    if positional.count > positionalParameters.count {
      if let variadic {
        bound[variadic.name] = .tuple(Array(positional[positionalParameters.count...]))
      } else {
        let required = positionalParameters.filter { $0.defaultValue == nil }.count
        let takes =
          required == positionalParameters.count
          ? "\(required) positional argument\(required == 1 ? "" : "s")"
          : "from \(required) to \(positionalParameters.count) positional arguments"
        let given = positional.count
        throw typeError("takes \(takes) but \(given) \(given == 1 ? "was" : "were") given")
      }
    } else if let variadic {
      bound[variadic.name] = .tuple([])
    }
    var extra: [(Value, Value)] = []
    for (label, value) in keywords {
      if let parameter = parameters.first(where: {
        $0.name == label && ($0.kind == .positional || $0.kind == .keywordOnly)
      }) {
        if bound[parameter.name] != nil {
          throw typeError("got multiple values for argument '\(label)'")
        }
        bound[parameter.name] = value
      } else if variadicKeywords != nil {
        extra.append((.string(label), value))
      } else {
        throw typeError("got an unexpected keyword argument '\(label)'")
      }
    }
    if let variadicKeywords { bound[variadicKeywords.name] = .dictionary(extra) }
    for kind in [FunctionParameter.Kind.positional, .keywordOnly] {
      var missing: [String] = []
      for parameter in parameters where parameter.kind == kind && bound[parameter.name] == nil {
        if let value = defaults[parameter.name] {
          bound[parameter.name] = value
        } else {
          missing.append(parameter.name)
        }
      }
      guard !missing.isEmpty else { continue }
      let quoted = missing.map { "'\($0)'" }
      let list: String
      switch quoted.count {
      case 1: list = quoted[0]
      case 2: list = "\(quoted[0]) and \(quoted[1])"
      default: list = quoted.dropLast().joined(separator: ", ") + ", and " + quoted.last!
      }
      let noun = kind == .positional ? "positional" : "keyword-only"
      throw typeError(
        "missing \(missing.count) required \(noun) argument\(missing.count == 1 ? "" : "s"): \(list)"
      )
    }
    return bound
  }
}

/// The local names of one running function; nested functions keep their defining scope alive.
final class Scope {
  var names: [String: Value]
  let parent: Scope?
  /// The qualified name of the function this scope belongs to, for nested functions' names.
  let qualifiedName: String

  init(names: [String: Value], parent: Scope?, qualifiedName: String) {
    self.names = names
    self.parent = parent
    self.qualifiedName = qualifiedName
  }

  // A closure keeps its defining scope alive, which may hold the previous closure: a long chain
  // of them is freed without recursing per link.
  deinit {
    var taken = names
    names = [:]
    DeferredRelease.release(&taken, empty: [:])
  }
  /// Whether this is a class body's namespace, which the methods defined in it do not see.
  var isClassBody = false
  /// The class a class body is making (`isClassBody`), filled when the class exists.
  var classCell: ClassCell?

  /// The function's local names (`UserFunction.localNames`), for its UnboundLocalError.
  var localNames: Set<String> = []
  /// Names a `global` statement declared in this function: read and bound in the globals.
  var globalNames: Set<String> = []
  /// Names a `nonlocal` statement declared in this function: bound in the enclosing function's scope.
  var nonlocalNames: Set<String> = []
  /// The names besides `training` that hold Keras 3's `training` flag while a custom layer's
  /// `call` is traced (`Keras3StepTrace.flagNames`): a parameter the flag was handed to
  /// (`is_training=training`), a local bound to it (`flag = training`).
  var trainingFlagNames: Set<String> = []

  /// Binds `name` here, or in the enclosing function's scope that has it when it is `nonlocal`.
  func bind(_ name: String, to value: Value) {
    if nonlocalNames.contains(name) {
      var scope = parent
      while let current = scope {
        if current.names[name] != nil {
          current.names[name] = value
          return
        }
        scope = current.parent
      }
    }
    names[name] = value
  }

  func lookup(_ name: String) -> Value? {
    var scope: Scope? = self
    while let current = scope {
      if current.globalNames.contains(name) { return nil }
      if let value = current.names[name] { return value }
      scope = current.parent
    }
    return nil
  }
}
