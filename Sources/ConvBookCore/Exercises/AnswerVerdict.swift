/// Whether a value answer is right, and when it is not, what a student can learn from the way it
/// is wrong, without giving the answer away.
public enum AnswerVerdict: Sendable, Equatable {
  case correct
  /// `reason` says what kind of mistake it is (a shape without its batch dimension, a number where
  /// a shape was asked); nil when the answer is simply another value.
  case incorrect(reason: String?)

  public var isCorrect: Bool { self == .correct }
}
