import CNNEngine

/// Python binds the names a function reads from outside it when the function runs, not when it
/// is made: the Lambdas a loop makes (`for c in range(g): Lambda(lambda z: z[..., c*k:(c+1)*k])`,
/// ResNeXt's grouped convolutions) all read the loop variable's last value once the model runs
/// (tf-keras and Keras 3 trace the function again for `predict`, `fit` and an eager call), while
/// their output shapes were inferred when each was called. ConvBook traces a Lambda's function
/// once, at its first call (`LambdaTracing`), and records the names from outside the function it
/// read there; before the model runs on data, a Lambda one of whose names now holds another value
/// is traced again, so the forward pass follows the function as Python would run it.
enum LambdaRebinding {
  /// A name read from outside the running function: from an enclosing function's scope
  /// (`holder`) or the globals (`holder` nil), with the value it held.
  struct FreeRead {
    let holder: Scope?
    let name: String
    let value: Value
  }

  /// The shapes a Lambda was traced on and the free names it read there.
  struct Record {
    let shapes: [TensorShape]
    let asList: Bool
    let reads: [FreeRead]
  }

  /// Notes `name`, just read with `value`, when it comes from outside the running function and
  /// holds a value that compares by value (numbers, strings, None, tuples of them): what a
  /// loop or an assignment rebinds. Objects are left out: ConvBook cannot tell a changed one.
  static func noteRead(_ name: String, _ value: Value, in interpreter: Interpreter) {
    guard interpreter.locals[name] == nil, isPlain(value) else { return }
    var holder: Scope?
    if let scope = interpreter.scope {
      if scope.names[name] != nil { return }
      var current = scope.globalNames.contains(name) ? nil : scope.parent
      while let enclosing = current {
        if enclosing.globalNames.contains(name) { break }
        if enclosing.names[name] != nil {
          holder = enclosing
          break
        }
        current = enclosing.parent
      }
    }
    if holder == nil, interpreter.session.globals[name] == nil { return }
    interpreter.session.lambdaFreeReads?.append(
      FreeRead(holder: holder, name: name, value: value))
  }

  private static func isPlain(_ value: Value) -> Bool {
    switch value {
    case .none, .bool, .int, .bigInt, .float, .string: return true
    case .tuple(let items): return items.allSatisfy(isPlain)
    default: return false
    }
  }

  private static func isStale(_ record: Record, session: KerasSession) -> Bool {
    record.reads.contains { read in
      guard let now = read.holder.map({ $0.names[read.name] }) ?? session.globals[read.name]
      else { return false }
      return !Operators.identical(now, read.value)
    }
  }

  /// Traces again every Lambda of `model` (nested models included) one of whose free names holds
  /// another value than when it was traced, before the model runs on data. A function that then
  /// gives other output shapes is ConvBook's limitation: the layers after it were built for the
  /// shapes of its first call.
  static func refresh(_ model: KerasModel, range: SourceRange, interpreter: Interpreter)
    throws(CellError)
  {
    let session = interpreter.session
    guard !session.lambdaTraceRecords.isEmpty else { return }
    for instance in model.layers {
      if let nested = instance.model {
        try refresh(nested, range: range, interpreter: interpreter)
        continue
      }
      guard let lambda = instance.layer as? Lambda, let old = lambda.trace.program,
        let record = session.lambdaTraceRecords[ObjectIdentifier(instance)],
        isStale(record, session: session)
      else { continue }
      lambda.trace.program = nil
      do {
        try LambdaTracing.trace(
          instance, on: record.shapes, asList: record.asList, range: range,
          interpreter: interpreter)
      } catch {
        lambda.trace.program = old
        throw error
      }
      let before = try? old.shapes(forInputs: record.shapes)
      let after = try? lambda.trace.program?.shapes(forInputs: record.shapes)
      let shapesBefore = before.map { shapes in old.outputs.map { shapes[$0] } }
      let shapesAfter = after.flatMap { shapes in
        lambda.trace.program.map { program in program.outputs.map { shapes[$0] } }
      }
      guard let shapesBefore, shapesBefore == shapesAfter else {
        lambda.trace.program = old
        throw .unsupported(
          "ConvBook does not support a Lambda layer whose function gives other shapes when the model runs than when the layer was called (\(instance.name): a name its function reads now holds another value) yet",
          at: range)
      }
    }
  }
}
