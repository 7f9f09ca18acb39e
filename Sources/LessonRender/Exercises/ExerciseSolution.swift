/// The answer key of an exercise as an instructors' page shows it.
public struct ExerciseSolution: Sendable, Equatable {
  /// Value exercises: the answer as students would type it (`11,574,090`) and the expression that
  /// computes it.
  public var answer: String?
  public var answerExpression: String?
  /// Design exercises: the solution model's name, its script, and each requirement measured on it.
  public var modelName: String?
  public var code: String?
  public var measurements: [String]

  public init(
    answer: String? = nil, answerExpression: String? = nil, modelName: String? = nil,
    code: String? = nil,
    measurements: [String] = []
  ) {
    self.answer = answer
    self.answerExpression = answerExpression
    self.modelName = modelName
    self.code = code
    self.measurements = measurements
  }
}
