/// One requirement of a design exercise measured on one model.
public struct RequirementResult: Sendable, Equatable {
  public enum Status: Sendable, Equatable {
    case met
    case unmet
    /// Evaluating it raised an error (e.g. the model has no input shape yet).
    case failed(String)
    /// It gave a value other than True or False: a mistake of the exercise, not of the model.
    case notBoolean(String)
  }

  /// The requirement as the exercise writes it: `model.count_params() < 50000`.
  public var requirement: String
  /// Its lesson line.
  public var line: Int
  public var status: Status
  /// What was measured, formatted for people (`159,978`), when the requirement has a measurable
  /// left side or is a `uses(...)` test.
  public var measured: String?
  /// The line a student reads: `params 159,978 — must be < 50,000`.
  public var summary: String

  public var isMet: Bool { status == .met }
}
