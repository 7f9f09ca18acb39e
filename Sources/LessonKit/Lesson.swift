/// A lesson file read into prose, code cells, exercises and figures.
public struct Lesson: Sendable, Hashable {
  /// The file name given to ``LessonReader/read(source:fileName:)``.
  public var fileName: String
  /// The plain text of the first top-level heading, or `fileName` when there is none or it is
  /// blank.
  public var title: String
  /// The lesson's content in document order.
  public var blocks: [LessonBlock]
  /// Likely mistakes found while reading, e.g. a `keras` block nested in a list, which is shown
  /// as code but not run.
  public var warnings: [LessonWarning]

  /// Creates a lesson.
  public init(fileName: String, title: String, blocks: [LessonBlock], warnings: [LessonWarning]) {
    self.fileName = fileName
    self.title = title
    self.blocks = blocks
    self.warnings = warnings
  }

  /// The code cells, in document order.
  public var cells: [CodeCell] {
    blocks.compactMap { if case .cell(let cell) = $0 { cell } else { nil } }
  }

  /// The exercise blocks, in document order.
  public var exercises: [ExerciseBlock] {
    blocks.compactMap { if case .exercise(let exercise) = $0 { exercise } else { nil } }
  }

  /// The figure blocks, in document order.
  public var figures: [FigureBlock] {
    blocks.compactMap { if case .figure(let figure) = $0 { figure } else { nil } }
  }
}
