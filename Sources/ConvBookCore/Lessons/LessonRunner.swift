import CNNEngine
import Foundation
import KerasCells
import LessonKit
import LessonRender

/// Runs a lesson like a notebook: every cell in order in one Keras session, each figure and inline
/// value against the models defined above it, the exercises after the last cell, and collects what
/// a page shows plus every error.
public struct LessonRunner {
  /// tf-keras 2's footer style (Keras 2 lessons only).
  public var footer: SummaryFooterStyle
  /// Which Keras each lesson runs under (command line, course, default).
  public var kerasVersion: KerasVersionSetting
  /// Whose CPU kernels TensorFlow runs on the machine being followed (`TensorFlowEngine`): the
  /// command line gives the machine's, tests pin one.
  public var engine: TensorFlowEngine = .eigen
  /// Extra work per block kind (figures, exercises), supplied by the features that own them;
  /// the defaults are ConvBook's own, so a plain `LessonRunner()` builds complete pages.
  public var figureEvaluator: FigureEvaluating?
  public var exerciseEvaluator: ExerciseEvaluating?
  /// How much of the lesson to compute.
  public var scope: Scope
  /// Seconds of processor time a lesson's evaluations may use together (`EvaluationLimits.lesson`;
  /// a lesson's own process gets at least its `--lesson-timeout`).
  public var timeBudget: Double = EvaluationLimits.lesson.timeBudget

  /// How much of a lesson a run computes.
  public enum Scope: Sendable {
    /// Everything a page shows: cells, inline values, math checks, figures, exercises.
    case page
    /// Only the cells, for commands that want the lesson's models (`summary`, `trace`, …):
    /// figures, inline values and exercises are left empty and not checked.
    case models
  }

  public init(
    footer: SummaryFooterStyle = .default, kerasVersion: KerasVersionSetting = .init(),
    figureEvaluator: FigureEvaluating? = FigureEvaluator(),
    exerciseEvaluator: ExerciseEvaluating? = ExerciseCardEvaluator(), scope: Scope = .page
  ) {
    self.footer = footer
    self.kerasVersion = kerasVersion
    self.figureEvaluator = figureEvaluator
    self.exerciseEvaluator = exerciseEvaluator
    self.scope = scope
  }

  /// The result of running one lesson.
  public struct Run {
    public var lesson: Lesson
    public var session: KerasSession
    public var blocks: [PageBlock]
    public var diagnostics: [Diagnostic]
    /// Set when the session's time budget stopped the lesson (at the last diagnostic): the run
    /// ends there, and what it computed is not a page (`LessonJob` reports the lesson as failed),
    /// since where a time budget stops depends on the machine.
    public var ranOutOfTime = false
  }

  public func run(_ lesson: Lesson, sourceFile: String) -> Run {
    let setting = KerasVersionSetting.lessonSetting(of: lesson, file: sourceFile)
    let session = KerasSession(
      kerasVersion: kerasVersion.resolve(lesson: setting.version),
      limits: EvaluationLimits(timeBudget: timeBudget), engine: engine)
    session.training.files = LessonFiles.access(forLesson: sourceFile)
    var blocks: [PageBlock] = []
    var diagnostics: [Diagnostic] =
      setting.diagnostics + CellOptions.diagnostics(of: lesson, file: sourceFile)
    var pendingExercises: [(index: Int, block: ExerciseBlock)] = []
    for warning in lesson.warnings {
      diagnostics.append(
        Diagnostic(file: sourceFile, line: warning.line, column: 0, message: warning.message))
    }
    for block in lesson.blocks {
      // Nothing after a time-budget stop: the lesson has failed (`Run.ranOutOfTime`).
      if session.ranOutOfTime { break }
      if scope == .models {
        switch block {
        case .prose(let node): blocks.append(.prose(node, inlineValues: [:]))
        case .cell: break
        case .figure: blocks.append(.figure(FigureView(kind: "convbook-figure")))
        case .exercise: blocks.append(.exercise(ExerciseView(identifier: "")))
        }
        guard case .cell = block else { continue }
      }
      switch block {
      case .prose(let node):
        var values: [InlineValueKey: InlineValue] = [:]
        for (expression, position) in Self.inlineExpressions(in: node) {
          let key = InlineValueKey(line: position.startLine, column: position.startColumn)
          do {
            let value = try InlineFormat.evaluate(expression, in: session)
            values[key] = .text(InlineFormat.text(of: value))
          } catch {
            let diagnostic = Diagnostic(
              file: sourceFile, line: position.startLine,
              column: position.startColumn + max(error.range.start.column - 1, 0),
              errorType: error.type, message: error.message,
              excerpt: (expression, SourceExcerpt(source: expression, range: error.range).caretLine)
            )
            diagnostics.append(diagnostic)
            values[key] = .failure(diagnostic.pageError)
          }
        }
        diagnostics += Self.mathDiagnostics(in: node, file: sourceFile)
        blocks.append(.prose(node, inlineValues: values))
      case .cell(let cell):
        let footerStyle =
          cell.settings["footer"].flatMap(SummaryFooterStyle.init(rawValue:)) ?? footer
        // Pages show the text a notebook shows: no terminal, so Keras 3's 76-column table.
        let format = SummaryFormat(kerasVersion: session.kerasVersion, footer: footerStyle)
        let result = session.run(cell.source)
        var pageError: PageError?
        if let error = result.error {
          let diagnostic = Self.diagnostic(for: error, in: cell, file: sourceFile)
          diagnostics.append(diagnostic)
          pageError = diagnostic.pageError
        }
        // Keras' warnings as a notebook shows what the cell wrote to standard error.
        let warnings = result.warnings.map { warning in
          warning.pythonText(
            orAt: "\(sourceFile):\(cell.codeStartLine + max(warning.range.start.line - 1, 0))")
        }
        blocks.append(
          .cell(
            CellView(
              source: cell.source, options: cell.options, firstLine: cell.codeStartLine,
              outputs: result.outputs, error: pageError, summaryFormat: format,
              warnings: warnings)))
      case .figure(let figure):
        guard let figureEvaluator else {
          let diagnostic = Diagnostic(
            file: sourceFile, line: figure.fenceLine, column: 1,
            message: "figure blocks need the figure renderer, which this build does not include")
          diagnostics.append(diagnostic)
          blocks.append(
            .figure(
              FigureView(
                kind: "convbook-figure", number: figure.fenceLine, error: diagnostic.pageError)))
          continue
        }
        let (view, figureDiagnostics) = figureEvaluator.evaluate(
          figure, session: session, file: sourceFile)
        diagnostics += figureDiagnostics
        blocks.append(.figure(view))
      case .exercise(let exercise):
        // Exercises see the lesson as a whole: they are evaluated after the last cell, below.
        pendingExercises.append((blocks.count, exercise))
        blocks.append(.exercise(ExerciseView(identifier: "")))
      }
    }
    if !pendingExercises.isEmpty, !session.ranOutOfTime {
      let results: [(ExerciseView, [Diagnostic])]
      if let exerciseEvaluator {
        results = exerciseEvaluator.evaluate(
          pendingExercises.map(\.1), session: session, file: sourceFile)
      } else {
        results = pendingExercises.map { _, exercise in
          let diagnostic = Diagnostic(
            file: sourceFile, line: exercise.fenceLine, column: 1,
            message: "exercise blocks need the exercise checker, which this build does not include")
          return (ExerciseView(identifier: "", error: diagnostic.pageError), [diagnostic])
        }
      }
      for ((index, _), (view, exerciseDiagnostics)) in zip(pendingExercises, results) {
        blocks[index] = .exercise(view)
        diagnostics += exerciseDiagnostics
      }
    }
    return Run(
      lesson: lesson, session: session, blocks: blocks, diagnostics: diagnostics,
      ranOutOfTime: session.ranOutOfTime)
  }

  /// A cell error as a lesson diagnostic: cell lines become lesson lines.
  public static func diagnostic(for error: CellError, in cell: CodeCell, file: String) -> Diagnostic
  {
    let excerpt = SourceExcerpt(source: cell.source, range: error.range)
    return Diagnostic(
      file: file, line: cell.lessonLine(ofCellLine: error.range.start.line),
      column: error.range.start.column,
      errorType: error.type, message: error.message, excerpt: (excerpt.lineText, excerpt.caretLine),
      hint: error.hint)
  }

  /// An error for each `$...$` whose TeX ConvBook cannot render, at its line and column.
  static func mathDiagnostics(in node: MarkdownNode, file: String) -> [Diagnostic] {
    var found: [Diagnostic] = []
    if case .math(let tex, _) = node.kind, let error = MathMLConverter.check(tex) {
      let excerpt = error.excerpt(in: tex)
      let line = node.position.startLine + excerpt.line - 1
      let column =
        excerpt.line == 1 ? node.position.startColumn + excerpt.column - 1 : excerpt.column
      found.append(
        Diagnostic(
          file: file, line: line, column: column, message: "math: \(error.message)",
          excerpt: (excerpt.text, excerpt.caret)))
    }
    for child in node.children { found += mathDiagnostics(in: child, file: file) }
    return found
  }

  static func inlineExpressions(in node: MarkdownNode) -> [(String, SourcePosition)] {
    var found: [(String, SourcePosition)] = []
    if case .inlineExpression(let expression, _) = node.kind {
      found.append((expression, node.position))
    }
    for child in node.children { found += inlineExpressions(in: child) }
    return found
  }
}

/// Turns a figure block into a figure, given the session of the lesson at that point.
public protocol FigureEvaluating {
  func evaluate(_ figure: FigureBlock, session: KerasSession, file: String) -> (
    FigureView, [Diagnostic]
  )
}

/// Turns a lesson's exercise blocks into exercise cards. Called once per lesson, after its last cell,
/// with every exercise block in lesson order, so answers see all of the lesson's models.
public protocol ExerciseEvaluating {
  func evaluate(_ exercises: [ExerciseBlock], session: KerasSession, file: String) -> [(
    ExerciseView, [Diagnostic]
  )]
}

extension Diagnostic {
  /// The error as a page shows it.
  public var pageError: PageError {
    PageError(
      headline: headline, line: line, column: column,
      excerpt: excerpt.map { "\($0.line)\n\($0.caret)" })
  }
}
