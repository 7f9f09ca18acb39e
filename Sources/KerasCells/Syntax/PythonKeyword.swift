/// Python's reserved words. All of them are recognised, not just the ones
/// ConvBook runs, so that `while = 3` is rejected the way Python rejects it
/// and a highlighter colours `class` like a keyword. Soft keywords (`match`,
/// `case`, `_`, `type`) are ordinary names.
public enum PythonKeyword: String, CaseIterable, Hashable, Sendable {
  case `false` = "False"
  case `none` = "None"
  case `true` = "True"
  case and
  case `as`
  case assert
  case async
  case await
  case `break`
  case `class`
  case `continue`
  case def
  case del
  case elif
  case `else`
  case except
  case finally
  case `for`
  case from
  case global
  case `if`
  case `import`
  case `in`
  case `is`
  case lambda
  case nonlocal
  case not
  case or
  case pass
  case raise
  case `return`
  case `try`
  case `while`
  case with
  case yield
}
