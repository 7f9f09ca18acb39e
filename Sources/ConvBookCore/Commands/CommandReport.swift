/// What a model command prints, in order: `output` on standard output, then `diagnostics` and
/// `failures` (each as `convbook: ...`) on standard error; it exits with 1 when `failed`.
public struct CommandReport {
  /// Everything standard output gets, final newline included.
  public var output: String
  /// Whether `output` is escaped already and carries ConvBook's own styles (Keras 3's summary on a
  /// terminal); otherwise it is escaped when printed.
  public var outputIsStyled: Bool
  public var diagnostics: [Diagnostic]
  /// Errors of single models.
  public var failures: [String]
  public var failed: Bool
  /// Text for standard error after the diagnostics, already safe for a terminal: `convbook run`'s
  /// Python-style traceback of an uncaught exception.
  public var errorText: String?
  /// What a script wrote to standard error (`print(..., file=sys.stderr)`, `logging`), already
  /// safe for a terminal; printed before the diagnostics.
  public var standardError: String?
  /// The exit status of a failed report, when it is not 1 (`sys.exit(3)` in a script).
  public var exitCode: Int32?

  public init(
    output: String, outputIsStyled: Bool = false, diagnostics: [Diagnostic],
    failures: [String] = [], failed: Bool? = nil
  ) {
    self.output = output
    self.outputIsStyled = outputIsStyled
    self.diagnostics = diagnostics
    self.failures = failures
    self.failed = failed ?? (!failures.isEmpty || !diagnostics.isEmpty)
  }
}
