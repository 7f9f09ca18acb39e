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
        FigureView(kind: "convbook-figure", number: number, error: diagnostic.pageError),
        [diagnostic]
      )
    }
    var view = FigureView(
      kind: "convbook-" + request.kind.rawValue, number: number, caption: request.caption)
    do {
      if request.kind == .trace {
        let (trace, problem) = try Self.trace(request, lessonFile: file)
        view.data = .trace(trace)
        return (view, problem.map { [Self.diagnostic($0, in: figure, file: file)] } ?? [])
      }
      if request.kind == .receptiveField {
        do {
          view.data = .receptiveField(
            try ReceptiveField(
              model: request.models[0], layerName: request.layerName?.name,
              position: request.position))
          return (view, [])
        } catch {
          let diagnostic = Self.diagnostic(
            FigureRequest.Problem(
              type: nil, message: error.description, range: Self.wholeRange(of: figure.text)),
            in: figure, file: file)
          view.error = diagnostic.pageError
          return (view, [diagnostic])
        }
      }
      if request.kind == .convolution {
        do {
          view.data = .convolution(
            try Self.convolution(request, whole: Self.wholeRange(of: figure.text)))
          return (view, [])
        } catch {
          let diagnostic = Self.diagnostic(error, in: figure, file: file)
          view.error = diagnostic.pageError
          return (view, [diagnostic])
        }
      }
      view.data = try Self.data(request)
      return (view, [])
    } catch {
      let whole = Self.wholeRange(of: figure.text)
      let diagnostic = Self.diagnostic(
        FigureRequest.Problem(type: nil, message: error.description, range: whole), in: figure,
        file: file)
      // An adjacency figure of a model without Flatten still shows what that model does instead.
      if case .noFlatten = error, request.kind == .adjacency, let model = request.models.first {
        view.data = .noFlatten(
          modelName: model.name, message: "\(file):\(diagnostic.line): \(error.description)",
          pooling: try? GlobalPoolingPath(model: model))
        return (view, [diagnostic])
      }
      view.error = diagnostic.pageError
      return (view, [diagnostic])
    }
  }

  /// The numbers of a figure other than a trace.
  static func data(_ request: FigureRequest) throws(AnalysisError) -> FigureData {
    switch request.kind {
    case .trace:
      return .trace(try trace(request, lessonFile: "").trace)
    case .adjacency:
      return .adjacency(try FlatteningAdjacency(model: request.models[0]))
    case .compare:
      return .comparison(try ModelComparison(models: request.models))
    case .scaling:
      return .scaling(try ParameterScaling(models: request.models, sizes: request.sizes))
    case .graph:
      return .graph(try LayerGraph(model: request.models[0], expandNested: request.expandNested))
    case .convolution, .receptiveField:
      // Never reached: `evaluate` computes these two itself, since their problems are their own.
      throw .notBuilt(model: request.models.first?.name ?? "")
    }
  }

  /// The window arithmetic of the layer a convolution figure names.
  static func convolution(_ request: FigureRequest, whole: SourceRange) throws(FigureRequest
    .Problem)
    -> ConvolutionDiagram
  {
    var layer = request.layer
    if layer == nil, let model = request.models.first {
      if let (name, range) = request.layerName {
        do {
          layer = try model.layer(named: name)
        } catch {
          throw FigureRequest.Problem(type: error.type, message: error.message, range: range)
        }
      } else {
        layer = model.flattenedLayers.first {
          $0.layer is any ConvolutionLayer || $0.layer is Pooling
        }
        if layer == nil {
          throw FigureRequest.Problem(
            type: nil,
            message: "model '\(model.name)' has no convolution or pooling layer to draw",
            range: whole)
        }
      }
    }
    guard let layer else {
      throw FigureRequest.Problem(type: nil, message: FigureRequest.grammar, range: whole)
    }
    do {
      return try ConvolutionDiagram(layer: layer, size: request.gridSize)
    } catch {
      throw FigureRequest.Problem(type: nil, message: error.description, range: whole)
    }
  }

  /// A trace with the statistics of one forward pass: seeded, untrained weights, or those of the
  /// block's `weights=` file. A model the pass cannot run keeps its shape-only trace with a note
  /// saying why; only a `weights=` file that cannot be used is also the author's problem, reported
  /// at the argument.
  static func trace(_ request: FigureRequest, lessonFile: String) throws(AnalysisError)
    -> (trace: ShapeTrace, problem: FigureRequest.Problem?)
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
    return (trace, problem)
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
