import CNNEngine
import KerasCells
import LessonKit

/// Everything a lesson page shows, computed: the renderer turns it into HTML without running anything.
public struct LessonPage {
  /// The lesson's title (its first heading).
  public var title: String
  /// The lesson file, as written in error messages (`Lessons/01-intro.md`).
  public var sourceFile: String
  /// The page's file name in the site (`01-intro.html`).
  public var pageFileName: String
  public var blocks: [PageBlock]
  /// Neighbouring pages, for the navigation links.
  public var previous: PageLink?
  public var next: PageLink?

  public init(
    title: String, sourceFile: String, pageFileName: String, blocks: [PageBlock],
    previous: PageLink? = nil, next: PageLink? = nil
  ) {
    self.title = title
    self.sourceFile = sourceFile
    self.pageFileName = pageFileName
    self.blocks = blocks
    self.previous = previous
    self.next = next
  }

  /// Whether any block of the page reports an error.
  public var hasErrors: Bool { blocks.contains { $0.error != nil } }
}

/// A link to another page of the site.
public struct PageLink: Sendable, Equatable {
  public var title: String
  public var href: String

  public init(title: String, href: String) {
    self.title = title
    self.href = href
  }
}

/// An error shown in a page, at the block it belongs to.
public struct PageError: Sendable, Equatable {
  /// `ValueError: ...` or ConvBook's own message.
  public var headline: String
  /// 1-based line in the lesson file.
  public var line: Int
  public var column: Int
  /// The offending source line and the caret line under it.
  public var excerpt: String?

  public init(headline: String, line: Int, column: Int, excerpt: String? = nil) {
    self.headline = headline
    self.line = line
    self.column = column
    self.excerpt = excerpt
  }
}

/// One block of a page, in lesson order.
public enum PageBlock {
  /// Prose; `inlineValues` maps each `{keras}` expression's position (line, column of the code
  /// span) to its computed text, or to an error.
  case prose(MarkdownNode, inlineValues: [InlineValueKey: InlineValue])
  case cell(CellView)
  case figure(FigureView)
  case exercise(ExerciseView)
  /// The line under the title that links the lesson's notebook and, when it has exercises, its
  /// student file.
  case downloads(notebook: String, studentFile: String?)
  /// What the page of a lesson that could not be read or run shows instead of its content.
  case failure(message: String)

  public var error: PageError? {
    switch self {
    case .prose(_, let values):
      for value in values.values { if case .failure(let error) = value { return error } }
      return nil
    case .cell(let cell): return cell.error
    case .figure(let figure): return figure.error
    case .exercise(let exercise): return exercise.error
    case .downloads, .failure: return nil
    }
  }
}

/// Where an inline `{keras}` value sits in the lesson.
public struct InlineValueKey: Hashable, Sendable {
  public var line: Int
  public var column: Int

  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }
}

/// The computed text of an inline value, or why it could not be computed.
public enum InlineValue: Sendable, Equatable {
  case text(String)
  case failure(PageError)
}

/// A code cell with what running it printed.
public struct CellView {
  public var source: String
  /// Options from the fence info string (`hide-code`, `hide-output`, `footer=modern`, ...).
  public var options: [String]
  /// The lesson line of the first code line, so that code lines can be numbered as in the file.
  public var firstLine: Int
  public var outputs: [CellOutput]
  public var error: PageError?
  /// The lesson's Keras version's summary text (and, for Keras 2, the footer style).
  public var summaryFormat: SummaryFormat
  /// What Keras wrote to standard error (Keras 3's `input_shape=` UserWarning), as Python prints
  /// it; a notebook shows it with the cell's output, apart from what the cell printed.
  public var warnings: [String]

  public init(
    source: String, options: [String], firstLine: Int, outputs: [CellOutput], error: PageError?,
    summaryFormat: SummaryFormat, warnings: [String] = []
  ) {
    self.warnings = warnings
    self.source = source
    self.options = options
    self.firstLine = firstLine
    self.outputs = outputs
    self.error = error
    self.summaryFormat = summaryFormat
  }

  public var hidesCode: Bool { options.contains("hide-code") }
  public var hidesOutput: Bool { options.contains("hide-output") }
}

/// A figure placed in the prose: what it was computed from, or the error that prevented it.
public struct FigureView {
  /// The figure kind as its class names it: `convbook-trace`, `convbook-adjacency`, ...
  public var kind: String
  /// The number that makes the figure's element ids unique in its page (its fence line).
  public var number: Int
  public var caption: String?
  /// The figure's numbers; nil when it could not be computed (`error` says why).
  public var data: FigureData?
  public var error: PageError?

  public init(
    kind: String, number: Int = 0, caption: String? = nil, data: FigureData? = nil,
    error: PageError? = nil
  ) {
    self.kind = kind
    self.number = number
    self.caption = caption
    self.data = data
    self.error = error
  }
}

/// The numbers of one figure, as the engine's analyses computed them; `FigureRenderer` draws them.
public enum FigureData {
  case trace(ShapeTrace)
  case adjacency(FlatteningAdjacency)
  /// An adjacency figure asked of a model without Flatten: why, and the model's pooling path.
  case noFlatten(modelName: String, message: String, pooling: GlobalPoolingPath?)
  case comparison(ModelComparison)
  case scaling(ParameterScaling)
  case graph(LayerGraph)
  case convolution(ConvolutionDiagram)
  case receptiveField(ReceptiveField)
  /// Learning curves or a shift test (`TrainingFigure`).
  case training(TrainingFigure.Figure)
}

/// An exercise card: what it shows, or the error in its definition.
public struct ExerciseView {
  public var identifier: String
  public var card: ExerciseCard?
  public var error: PageError?

  public init(identifier: String, card: ExerciseCard? = nil, error: PageError? = nil) {
    self.identifier = identifier
    self.card = card
    self.error = error
  }
}
