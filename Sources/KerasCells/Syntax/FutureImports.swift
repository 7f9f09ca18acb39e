/// CPython's rules for `from __future__ import ...`, which it checks after parsing and before
/// anything runs (its `future.c` and compiler): future statements may only open a file, after its
/// docstring; each names a feature Python knows; one anywhere else, nested in a block included, is
/// a late one. A cell is checked as the file it stands for.
enum FutureImports {
  /// The features of CPython 3.11's `__future__` module.
  static let features: Set<String> = [
    "nested_scopes", "generators", "division", "absolute_import", "with_statement",
    "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop", "annotations",
  ]

  /// The compiler's error for a future statement after the opening ones.
  static let lateMessage = "from __future__ imports must occur at the beginning of the file"

  /// Whether `statement` is `from __future__ import ...`.
  static func isFutureImport(_ statement: Statement) -> Bool {
    guard case .importNames(let module, _) = statement.kind else { return false }
    return module.components == ["__future__"]
  }

  /// The errors of the future statements among a file's top-level `statements`, in CPython's
  /// words and at its carets. The opening ones (after a docstring) are checked as `future.c`
  /// checks them: an unknown feature, `braces` ("not a chance"), or a future statement that
  /// follows another statement on the same line, each at a single caret. Every later one is the
  /// compiler's, over the whole statement.
  static func errors(in statements: [Statement]) -> [PythonSyntaxError] {
    var errors: [PythonSyntaxError] = []
    var index = 0
    if let first = statements.first, case .expression(let expression) = first.kind,
      case .string = expression.kind
    {
      index = 1
    }
    // `future.c`'s scan of the opening statements: it ends at the first line after the one where
    // another statement was met.
    var done = false
    var previousLine = 0
    var opening = 0
    while index < statements.count {
      let statement = statements[index]
      let start = statement.range.start
      if done && start.line > previousLine { break }
      previousLine = start.line
      index += 1
      guard isFutureImport(statement) else {
        done = true
        continue
      }
      if done {
        // CPython passes the statement's 0-based column where a 1-based one is expected: the
        // caret stands one character before `from`.
        let before = SourceLocation(
          line: start.line, column: max(start.column - 1, 1),
          utf8Offset: max(start.utf8Offset - 1, 0))
        return [PythonSyntaxError(.syntaxError, lateMessage, at: SourceRange(at: before))]
      }
      if case .importNames(_, let names) = statement.kind,
        let unknown = names.map(\.name).first(where: { !features.contains($0) })
      {
        let message =
          unknown == "braces" ? "not a chance" : "future feature \(unknown) is not defined"
        return [PythonSyntaxError(.syntaxError, message, at: SourceRange(at: start))]
      }
      opening = index
    }
    for statement in statements.dropFirst(opening) where isFutureImport(statement) {
      errors.append(PythonSyntaxError(.syntaxError, lateMessage, at: statement.range))
    }
    return errors
  }
}
