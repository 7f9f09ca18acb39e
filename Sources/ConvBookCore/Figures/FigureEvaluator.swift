import CNNEngine
import KerasCells
import LessonKit
import LessonRender

/// Draws the figures of a lesson: reads a figure block's call, finds its models in the session as
/// it stands at that point of the lesson, and renders the figure. Problems become diagnostics at the
/// block's line and column, and the page shows them in place of the figure.
public struct FigureEvaluator: FigureEvaluating {
  public init() {}

  public func evaluate(_ figure: FigureBlock, session: KerasSession, file: String) -> (
    FigureView, [Diagnostic]
  ) {
    // The fence line is unique within a page and the same in every build: it numbers the ids.
    let number = figure.fenceLine
    if let training = TrainingFigureRequest.evaluate(figure, session: session, file: file) {
      return training
    }
    let request: FigureRequest
    do {
      request = try FigureRequest(text: figure.text, session: session)
    } catch {
      let diagnostic = Self.diagnostic(error, in: figure, file: file)
      return (
        FigureView(kind: "convbook-figure", html: "", error: diagnostic.pageError), [diagnostic]
      )
    }
    let kind = "convbook-" + request.kind.rawValue
    do {
      if request.kind == .trace {
        let (html, problem) = try Self.trace(request, number: number, lessonFile: file)
        return (
          FigureView(kind: kind, html: html),
          problem.map { [Self.diagnostic($0, in: figure, file: file)] } ?? []
        )
      }
      return (FigureView(kind: kind, html: try Self.html(request, number: number)), [])
    } catch {
      let whole = Self.wholeRange(of: figure.text)
      let diagnostic = Self.diagnostic(
        FigureRequest.Problem(type: nil, message: error.description, range: whole), in: figure,
        file: file)
      // An adjacency figure of a model without Flatten still shows what that model does instead.
      if case .noFlatten = error, request.kind == .adjacency, let model = request.models.first {
        let html = AdjacencyFigure.html(
          noFlattenIn: model.name, message: "\(file):\(diagnostic.line): \(error.description)",
          pooling: try? GlobalPoolingPath(model: model), number: number)
        return (FigureView(kind: kind, html: html), [diagnostic])
      }
      return (FigureView(kind: kind, html: "", error: diagnostic.pageError), [diagnostic])
    }
  }

  static func html(_ request: FigureRequest, number: Int) throws(AnalysisError) -> String {
    switch request.kind {
    case .trace:
      return try trace(request, number: number, lessonFile: "").html
    case .adjacency:
      return AdjacencyFigure.html(
        try FlatteningAdjacency(model: request.models[0]), number: number, caption: request.caption)
    case .compare:
      return ComparisonFigure.html(
        try ModelComparison(models: request.models), number: number, caption: request.caption)
    case .scaling:
      return ScalingFigure.html(
        try ParameterScaling(models: request.models, sizes: request.sizes), number: number,
        caption: request.caption)
    }
  }

  /// A trace with the statistics of one forward pass: seeded, untrained weights, or those of the
  /// block's `weights=` file. A model the pass cannot run keeps its shape-only trace with a note
  /// saying why; only a `weights=` file that cannot be used is also the author's problem, reported
  /// at the argument.
  static func trace(_ request: FigureRequest, number: Int, lessonFile: String) throws(AnalysisError)
    -> (html: String, problem: FigureRequest.Problem?)
  {
    let model = request.models[0]
    var trace = try ShapeTrace(model: model)
    var problem: FigureRequest.Problem?
    if let (path, range) = request.weightsFile {
      do {
        // Only a regular file, and never more than the memory budget: a lesson naming a pipe or
        // /dev/zero must not hang the build.
        let bytes = try TextFile.readBytes(
          resolve(path, besides: lessonFile), limit: ForwardPass.defaultMemoryBudget)
        let archive = try NPZArchive(bytes: bytes)
        let weights = try ModelWeights(archive: archive, for: model, source: path)
        trace.measure(model, weights: (weights, path))
      } catch {
        let message: String
        switch error {
        case let error as TextFile.ReadError: message = error.description
        case let error as NumPyError: message = "cannot read weights from \(path): \(error.message)"
        case let error as ForwardError: message = error.message
        default: message = "\(error)"
        }
        trace.measurement = TraceMeasurement(
          weights: .loaded(file: path), inputSeed: TraceMeasurement.defaultSeed, batch: 1,
          failure: message)
        problem = FigureRequest.Problem(type: nil, message: message, range: range)
      }
    } else if request.statistics {
      trace.measure(model)
    }
    return (TraceFigure.html(trace, number: number, caption: request.caption), problem)
  }

  /// A path a lesson wrote, relative to the lesson's folder unless absolute. Joined as text, not
  /// through the working directory, so that messages quoting it are the same on every machine.
  static func resolve(_ path: String, besides lessonFile: String) -> String {
    guard !path.hasPrefix("/"), let slash = lessonFile.lastIndex(of: "/") else { return path }
    return String(lessonFile[...slash]) + path
  }

  /// The block's text, first line to last, for problems that concern the whole call.
  static func wholeRange(of text: String) -> SourceRange {
    let firstLine = text.split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
    let indent = firstLine.prefix { $0 == " " || $0 == "\t" }.count
    let length = firstLine.count
    return SourceRange(
      start: SourceLocation(line: 1, column: indent + 1, utf8Offset: indent),
      end: SourceLocation(line: 1, column: length + 1, utf8Offset: firstLine.utf8.count))
  }

  static func diagnostic(_ problem: FigureRequest.Problem, in figure: FigureBlock, file: String)
    -> Diagnostic
  {
    let excerpt = SourceExcerpt(source: figure.text, range: problem.range)
    return Diagnostic(
      file: file, line: figure.contentStartLine + max(problem.range.start.line, 1) - 1,
      column: max(problem.range.start.column, 1), errorType: problem.type, message: problem.message,
      excerpt: (excerpt.lineText, excerpt.caretLine))
  }
}
