import CNNEngine

/// `target[index] = value` where the target is a NumPy array. ConvBook's arrays are values, so
/// the array is taken out of the place that holds it (a name, an instance attribute, a list or
/// dict item), written in place when nothing else shares it, and put back. Where NumPy would let
/// the change show through another value — a second name or container holding the same array, a
/// view made by slicing (`row = x[0]`), or the array a view was made from — ConvBook refuses
/// rather than print values that NumPy would not. `x[0][1] = v` writes through the view `x[0]`
/// into `x`, as in NumPy.
extension Interpreter {
  /// Assigns into the array that `baseExpression` evaluates to; false when it is no array.
  func assignIntoArray(
    _ baseExpression: Expression, _ index: Value, _ value: Value, range: SourceRange
  ) throws(CellError) -> Bool {
    // A view of another array (`x[0][1] = v`, `x[:, 0][2] = v`): write into the view, then the
    // view back into its base.
    if case .subscript(let outerBase, let outerIndexExpression) = baseExpression.kind,
      case .array = try evaluate(outerBase)
    {
      guard case .array(var view) = try evaluate(baseExpression) else { return false }
      guard view.viewBase != nil else {
        throw .unsupported(
          "ConvBook does not support assigning into a copy made by indexing with arrays (NumPy would change nothing)",
          at: range)
      }
      try ArrayOperations.setItem(&view, index, to: value, range: range, budget: budget)
      // Its values now go into the base: the view must not count as sharing it.
      view.viewBase = nil
      let outerIndex = try evaluate(outerIndexExpression)
      _ = try assignIntoArray(outerBase, outerIndex, .array(view), range: range)
      return true
    }
    guard let place = try arrayPlace(baseExpression) else { return false }
    // Taken out of its place and out of the enum, the array is held here only (unless shared).
    var taken = place.take()
    guard case .array(var array) = taken else {
      place.putBack(taken)
      return false
    }
    taken = .none
    defer { place.putBack(.array(array)) }
    if array.tensorFlowDType != nil {
      throw CellError(
        type: "TypeError",
        message:
          "'tensorflow.python.framework.ops.EagerTensor' object does not support item assignment",
        range: range)
    }
    let shared = !isKnownUniquelyReferenced(&array.identity)
    var isView = false
    if var base = array.viewBase {
      array.viewBase = nil
      isView = !isKnownUniquelyReferenced(&base)
      array.viewBase = base
    }
    if isView, !shared, try assignThroughView(&array, index, value, range: range) {
      return true
    }
    if shared || isView {
      throw .unsupported(
        isView
          ? "ConvBook does not support assigning into a view of an array that is still in use (NumPy would change both); make it with .copy()"
          : "ConvBook does not support assigning into an array that another name or container also holds (NumPy would change both); make a .copy() first",
        at: range)
    }
    try ArrayOperations.setItem(&array, index, to: value, range: range, budget: budget)
    return true
  }

  /// `np.random.shuffle(x)` (or a `RandomState`'s) where `x` names a NumPy array (a name, an
  /// instance attribute, a list or dict item): NumPy swaps its rows in place with the draws of
  /// `permutation`. The array is taken out of its place before the arguments are evaluated, so
  /// that it is shuffled in place only when nothing else holds it (else refused, as assigning
  /// into it is). Nil when the call is not such a shuffle.
  func shuffleInPlace(
    _ callee: Value, _ arguments: [Argument], range: SourceRange
  ) throws(CellError) -> Value? {
    guard arguments.count == 1, case .positional = arguments[0].kind else { return nil }
    var generator: NumPyRandomStateObject?
    switch callee {
    case .function(let callable) where callable.kind == .builtin("nprandom shuffle"): break
    case .method(.standard(let object as NumPyRandomStateObject), "shuffle"): generator = object
    default: return nil
    }
    let message =
      "ConvBook does not support np.random.shuffle of an array that another name, container or view also holds (NumPy would change both); shuffle a .copy()"
    return try changingArrayInPlace(
      arguments[0].value, accepts: { $0.tensorFlowDType == nil && $0.rank >= 1 },
      refusal: message, at: arguments[0].range,
      change: { (array: inout NDArray) throws(CellError) -> Value in
        var seeded = true
        func shuffle() throws(CellError) -> NDArray {
          var state = session.numpyRandom
          seeded = state.seeded
          defer { session.numpyRandom = state }
          return try NumPyRandomIntegers.permuted(array, &state, range: range, budget: budget)
        }
        let rows: NDArray
        if let generator {
          rows = try generator.lend(self, shuffle)
        } else {
          rows = try shuffle()
        }
        try ArrayOperations.setItem(
          &array, .ellipsis, to: .array(rows), range: range, budget: budget)
        if !seeded {
          // Without a seed NumPy shuffles in another order on every run (`OwnDraws`).
          array.derivesFromOwnDraw = true
          array.holdsOwnRandomValues = true
          session.training.ownDrawsSeen = true
        }
        return Value.none
      })
  }

  /// `np.place(arr, mask, vals)` where `arr` names a NumPy array (a name, an instance attribute,
  /// a list or dict item): NumPy writes the values, taken in turn and repeated as needed, into
  /// the positions where the mask is true, in the array itself (`ArrayOperations.place`). The
  /// array is taken out of its place, so that it changes only when nothing else holds it (else
  /// refused, as assigning into it is). Nil when the call is not such a call.
  func placeInPlace(
    _ callee: Value, _ arguments: [Argument], range: SourceRange
  ) throws(CellError) -> Value? {
    guard case .function(let callable) = callee, callable.kind == .builtin("numpy.place"),
      arguments.count == 3,
      arguments.allSatisfy({ if case .positional = $0.kind { true } else { false } })
    else { return nil }
    let mask = try evaluate(arguments[1].value)
    let values = try evaluate(arguments[2].value)
    return try changingArrayInPlace(
      arguments[0].value, accepts: { $0.tensorFlowDType == nil },
      refusal:
        "ConvBook does not support np.place into an array that another name, container or view also holds (NumPy would change both); make a .copy() first",
      at: arguments[0].range,
      change: { (array: inout NDArray) throws(CellError) -> Value in
        try ArrayOperations.place(&array, mask: mask, values: values, range: range, budget: budget)
        return Value.none
      })
  }

  /// `preprocess_input(x)` of a `keras.applications` module where `x` names a float NumPy array
  /// (a name, an instance attribute, a list or dict item): Keras changes the array in place
  /// (`ApplicationCalls.numpyPreprocess`), so the place gets the changed array and the call
  /// returns it (caffe mode: a reversed view of it). Refused when something else also holds the
  /// array. Nil when the call is not such a call (`ApplicationCalls.call` runs it).
  func preprocessInPlace(
    _ callee: Value, _ arguments: [Argument], range: SourceRange
  ) throws(CellError) -> Value? {
    guard arguments.count == 1, case .positional = arguments[0].kind,
      case .function(let callable) = callee,
      case .applicationFunction(let module, "preprocess_input") = callable.kind,
      let mode = ApplicationCalls.preprocessingMode(module: module)
    else { return nil }
    let expression = arguments[0].value
    switch expression.kind {
    case .name, .attribute, .subscript: break
    default: return nil
    }
    let path = "keras.applications.\(module).preprocess_input"
    let message =
      "ConvBook does not support \(path) of a float array that another name, container or view also holds (Keras changes it in place, NumPy would change both); pass a .copy()"
    return try changingArrayInPlace(
      expression, accepts: { $0.tensorFlowDType == nil && $0.dtype.isFloat }, refusal: message,
      at: arguments[0].range,
      change: { (array: inout NDArray) throws(CellError) -> Value in
        let (result, changed) = try ApplicationCalls.numpyPreprocess(
          array, mode: mode, path: path, range: range, budget: budget)
        if let changed { array = changed }
        return .array(result)
      })
  }

  /// Runs `change` on the NumPy array that `expression` names (a name, an instance attribute, a
  /// list or dict item), taken out of its place so that it changes in place only when nothing
  /// else holds it (else `refusal`, ConvBook's limitation, at `refusalRange`) and put back after.
  /// Nil when `expression` holds no array that `accepts` takes.
  private func changingArrayInPlace(
    _ expression: Expression, accepts: (NDArray) -> Bool, refusal: String,
    at refusalRange: SourceRange, change: (inout NDArray) throws(CellError) -> Value
  ) throws(CellError) -> Value? {
    // (The value evaluated here is dropped before the array is taken: it would share it.)
    let accepted: Bool
    if case .array(let given) = try evaluate(expression) {
      accepted = accepts(given)
    } else {
      accepted = false
    }
    guard accepted, let place = try arrayPlace(expression) else { return nil }
    var taken = place.take()
    guard case .array(var array) = taken else {
      place.putBack(taken)
      return nil
    }
    taken = .none
    defer { place.putBack(.array(array)) }
    var isView = false
    if var base = array.viewBase {
      array.viewBase = nil
      isView = !isKnownUniquelyReferenced(&base)
      array.viewBase = base
    }
    if !isKnownUniquelyReferenced(&array.identity) || isView {
      throw .unsupported(refusal, at: refusalRange)
    }
    return try change(&array)
  }

  /// Where an array the cell names lives: taking it out leaves None there until it is put back.
  struct ArrayPlace {
    let take: () -> Value
    let putBack: (Value) -> Void
  }

  private func arrayPlace(_ expression: Expression) throws(CellError) -> ArrayPlace? {
    guard case .array = try evaluate(expression) else { return nil }
    switch expression.kind {
    case .name(let name):
      if locals[name] != nil {
        return ArrayPlace(
          take: { self.taken(&self.locals[name]) }, putBack: { self.locals[name] = $0 })
      }
      var current = scope
      while let found = current, !found.globalNames.contains(name) {
        if found.names[name] != nil {
          return ArrayPlace(
            take: { self.taken(&found.names[name]) }, putBack: { found.names[name] = $0 })
        }
        current = found.parent
      }
      guard session.globals[name] != nil else { return nil }
      return ArrayPlace(
        take: { self.taken(&self.session.globals[name]) },
        putBack: { self.session.globals[name] = $0 })
    case .attribute(let baseExpression, let name, _):
      guard case .instance(let instance) = try evaluate(baseExpression),
        instance.attributes[name] != nil
      else { return nil }
      return ArrayPlace(
        take: { self.taken(&instance.attributes[name]) },
        putBack: { instance.attributes[name] = $0 })
    case .subscript(let baseExpression, let indexExpression):
      let container = try evaluate(baseExpression)
      let index = try evaluate(indexExpression)
      switch (container, index) {
      case (.list(let list), .int(let position)):
        guard let resolved = Operators.resolveIndex(position, count: list.count) else {
          return nil
        }
        return ArrayPlace(
          take: {
            let value = list.items[resolved]
            list.items[resolved] = .none
            return value
          }, putBack: { list.items[resolved] = $0 })
      case (.dictionary(let dictionary), _):
        guard dictionary.value(for: index) != nil else { return nil }
        return ArrayPlace(
          take: {
            let value = dictionary.value(for: index) ?? .none
            dictionary.set(index, .none)
            return value
          }, putBack: { dictionary.set(index, $0) })
      default: return nil
      }
    default: return nil
    }
  }

  /// `view[index] = value` where `view` was made by basic indexing (`da_prev_pad =
  /// dA_prev_pad[i]`, the DeepLearning.AI `conv_backward`) and its base is held by one name of the
  /// running function, of the cell or of the module, and by nothing else: NumPy writes into both,
  /// so the values written go into the base in its place too. False (the caller refuses) when
  /// something else also holds the base (another name, a container, another view) or the view's
  /// place in it is not known.
  private func assignThroughView(
    _ view: inout NDArray, _ index: Value, _ value: Value, range: SourceRange
  ) throws(CellError) -> Bool {
    guard let window = view.viewWindow, window.count == view.count,
      let place = baseNamePlace(of: view)
    else { return false }
    var taken = place.take()
    guard case .array(var base) = taken else {
      place.putBack(taken)
      return false
    }
    taken = .none
    defer { place.putBack(.array(base)) }
    // Held by this view and by its place alone, the base's values change in place.
    view.viewBase = nil
    defer { view.viewBase = base.identity }
    guard base.tensorFlowDType == nil, base.dtype == view.dtype,
      isKnownUniquelyReferenced(&base.identity)
    else { return false }
    try ArrayOperations.setItem(&view, index, to: value, range: range, budget: budget)
    let positions = Self.writtenPositions(view, index, range: range)
    base.scatter(positions.map(window.offset(ofPosition:)), positions.map(view.value(at:)))
    return true
  }

  /// Where the base of `view` lives when a name holds it: in the running function's scopes, the
  /// cell's names or the module's globals (the first found).
  private func baseNamePlace(of view: NDArray) -> ArrayPlace? {
    guard let identity = view.viewBase.map(ObjectIdentifier.init) else { return nil }
    func holds(_ value: Value?) -> Bool {
      guard case .array(let array)? = value else { return false }
      return ObjectIdentifier(array.identity) == identity
    }
    var current = scope
    while let found = current {
      if let name = found.names.first(where: { holds($0.value) })?.key {
        return ArrayPlace(
          take: { self.taken(&found.names[name]) }, putBack: { found.names[name] = $0 })
      }
      current = found.parent
    }
    if let name = locals.first(where: { holds($0.value) })?.key {
      return ArrayPlace(
        take: { self.taken(&self.locals[name]) }, putBack: { self.locals[name] = $0 })
    }
    if let name = session.globals.first(where: { holds($0.value) })?.key {
      return ArrayPlace(
        take: { self.taken(&self.session.globals[name]) },
        putBack: { self.session.globals[name] = $0 })
    }
    return nil
  }

  /// The row-major positions of `array` that `array[index] = ...` wrote: those of a basic
  /// selection (whole numbers, slices, `...`, None), else every position.
  private static func writtenPositions(_ array: NDArray, _ index: Value, range: SourceRange)
    -> [Int]
  {
    let items: [Value]
    if case .tuple(let values) = index { items = values } else { items = [index] }
    guard let (start, dimensions) = try? ArrayOperations.basicSelection(array, items, range: range)
    else { return Array(0..<array.count) }
    return ArrayOperations.offsets(base: start, dimensions.map { ($0.count, $0.stride) })
  }

  /// The value of an optional slot, leaving None in it.
  private func taken(_ slot: inout Value?) -> Value {
    let value = slot ?? .none
    slot = Value.none
    return value
  }
}
