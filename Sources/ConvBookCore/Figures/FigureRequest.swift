import CNNEngine
import KerasCells
import LessonKit

/// What a figure block asks for, read from its one call in the cell language:
///
///     trace(flat_model)
///     trace(flat_model, weights="flat_model.npz")
///     trace(flat_model, stats=False)
///     adjacency(flat_model)
///     compare(flat_model, gap_model)
///     scaling(flat_model, gap_model, sizes=[32, 64, 128, 224])
///     graph(residual_model)
///     graph(transfer_model, expand_nested=True)
///     convolution(model, layer="conv2d", size=5)
///     convolution(model.layers[0])
///
/// Model arguments are expressions evaluated in the lesson's session at that point, so any model
/// defined above the figure can be named; every figure also takes `caption="..."`. A trace's
/// statistics come from seeded, untrained weights unless `weights=` names an `.npz` of Keras weights
/// (relative to the lesson's folder); `stats=False` leaves them out (shapes and counts only), for
/// lessons that do not discuss activations.
public struct FigureRequest {
  public enum Kind: String, CaseIterable, Sendable {
    case trace, adjacency, compare, scaling, graph, convolution
    case receptiveField = "receptive_field"

    /// How many models the kind takes.
    var modelCount: ClosedRange<Int> {
      switch self {
      case .trace, .adjacency, .graph, .receptiveField: return 1...1
      case .compare: return 2...Int.max
      case .scaling: return 1...Int.max
      case .convolution: return 0...1
      }
    }

    var usage: String {
      switch self {
      case .trace: return "trace(model[, weights=\"file.npz\"][, stats=False])"
      case .adjacency: return "adjacency(model)"
      case .compare: return "compare(model_a, model_b, ...)"
      case .scaling: return "scaling(model, ..., sizes=[32, 64, ...])"
      case .graph: return "graph(model[, expand_nested=True])"
      case .convolution: return "convolution(layer or model[, layer=\"name\"][, size=5])"
      case .receptiveField: return "receptive_field(model[, layer=\"name\"][, position=(i, j)])"
      }
    }
  }

  /// Why a figure block cannot be drawn, and where in its text.
  public struct Problem: Error {
    public var type: String?
    public var message: String
    public var range: SourceRange
  }

  public var kind: Kind
  public var models: [KerasModel]
  public var sizes: [Int]
  public var caption: String?
  /// A trace's `weights=` file as the lesson wrote it, and where in the block it stands.
  public var weightsFile: (path: String, range: SourceRange)?
  /// Whether a trace shows what a forward pass put in each layer's output (`stats=`).
  public var statistics = true
  /// Whether a graph draws the layers of nested models (`expand_nested=`, as `plot_model`'s).
  public var expandNested = false
  /// A convolution figure's layer: given directly, or named by `layer=` in its model (else the
  /// model's first convolution or pooling layer).
  public var layer: LayerInstance?
  public var layerName: (name: String, range: SourceRange)?
  /// A convolution figure's input side on the grid drawn (`size=`).
  public var gridSize: Int?
  /// A receptive field figure's output position (`position=`).
  public var position: [Int]?

  static let grammar =
    "a figure block holds one call: " + Kind.allCases.map(\.usage).joined(separator: ", ")

  /// Parses and evaluates the block's text against `session`.
  public init(text: String, session: KerasSession) throws(Problem) {
    let expression: Expression
    do {
      expression = try KerasSession.parseExpression(text)
    } catch {
      if error.message == "expected a single expression" {
        throw Problem(type: nil, message: Self.grammar, range: error.range)
      }
      throw Problem(type: error.type, message: error.message, range: error.range)
    }
    guard case .call(let callee, let arguments) = expression.kind,
      case .name(let name) = callee.kind
    else {
      throw Problem(type: nil, message: Self.grammar, range: expression.range)
    }
    guard let kind = Kind(rawValue: name) else {
      throw Problem(
        type: nil,
        message: "unknown figure '\(name)'; the figures are "
          + (Kind.allCases.map(\.rawValue) + TrainingFigureRequest.kinds).joined(separator: ", "),
        range: callee.range)
    }
    self.kind = kind
    models = []
    sizes = ParameterScaling.defaultSizes
    caption = nil
    for argument in arguments {
      switch argument.kind {
      case .positional where kind == .convolution:
        guard layer == nil, models.isEmpty else {
          throw Problem(
            type: "TypeError",
            message: "convolution() takes one layer or model; usage: \(kind.usage)",
            range: argument.range)
        }
        if case .layer(let instance) = try Self.evaluate(argument.value, session: session) {
          layer = instance
        } else {
          models.append(try Self.model(argument.value, session: session, kind: kind, position: 1))
        }
      case .positional:
        models.append(
          try Self.model(argument.value, session: session, kind: kind, position: models.count + 1))
      case .keyword("position") where kind == .receptiveField:
        var items: [Value] = []
        let value = try Self.evaluate(argument.value, session: session)
        if case .int(let number) = value {
          items = [.int(number)]
        } else {
          items = value.sequenceItems ?? []
        }
        let numbers = items.compactMap { item -> Int? in
          if case .int(let value) = item { return value }
          return nil
        }
        guard !numbers.isEmpty, numbers.count == items.count else {
          throw Problem(
            type: "TypeError", message: "position= must be an output position, e.g. (3, 4)",
            range: argument.value.range)
        }
        position = numbers
      case .keyword("layer") where kind == .convolution || kind == .receptiveField:
        guard case .string(let name) = try Self.evaluate(argument.value, session: session) else {
          throw Problem(
            type: "TypeError", message: "layer= must be a layer's name",
            range: argument.value.range)
        }
        layerName = (name, argument.value.range)
      case .keyword("size") where kind == .convolution:
        guard case .int(let size) = try Self.evaluate(argument.value, session: session) else {
          throw Problem(
            type: "TypeError", message: "size= must be a whole number of input pixels",
            range: argument.value.range)
        }
        gridSize = size
      case .keyword("caption"):
        guard case .string(let text) = try Self.evaluate(argument.value, session: session) else {
          throw Problem(
            type: "TypeError", message: "caption= must be a string", range: argument.value.range)
        }
        caption = text
      case .keyword("sizes") where kind == .scaling:
        sizes = try Self.sizes(argument.value, session: session)
      case .keyword("weights") where kind == .trace:
        guard case .string(let path) = try Self.evaluate(argument.value, session: session),
          !path.isEmpty
        else {
          throw Problem(
            type: "TypeError", message: "weights= must name an .npz file of Keras weights",
            range: argument.value.range)
        }
        weightsFile = (path, argument.value.range)
      case .keyword("stats") where kind == .trace:
        guard case .bool(let flag) = try Self.evaluate(argument.value, session: session) else {
          throw Problem(
            type: "TypeError", message: "stats= must be True or False", range: argument.value.range)
        }
        statistics = flag
      case .keyword("expand_nested") where kind == .graph:
        guard case .bool(let flag) = try Self.evaluate(argument.value, session: session) else {
          throw Problem(
            type: "TypeError", message: "expand_nested= must be True or False",
            range: argument.value.range)
        }
        expandNested = flag
      case .keyword(let label):
        throw Problem(
          type: "TypeError",
          message:
            "\(kind.rawValue)() got an unexpected keyword argument '\(label)'; usage: \(kind.usage)",
          range: argument.labelRange ?? argument.range)
      case .unpackedIterable, .unpackedMapping:
        throw Problem(
          type: nil, message: "name the models one by one; usage: \(kind.usage)",
          range: argument.range)
      }
    }
    if kind == .convolution && layer == nil && models.isEmpty {
      throw Problem(
        type: "TypeError",
        message: "convolution() takes a layer or a model; usage: \(kind.usage)",
        range: expression.range)
    }
    if !kind.modelCount.contains(models.count) {
      let wanted =
        kind.modelCount.lowerBound == kind.modelCount.upperBound
        ? "one model" : "at least \(kind.modelCount.lowerBound) models"
      throw Problem(
        type: "TypeError",
        message: "\(kind.rawValue)() takes \(wanted), got \(models.count); usage: \(kind.usage)",
        range: expression.range)
    }
  }

  static func evaluate(_ expression: Expression, session: KerasSession) throws(Problem) -> Value {
    do {
      return try session.evaluate(expression)
    } catch {
      throw Problem(type: error.type, message: error.message, range: error.range)
    }
  }

  /// A model argument; a name that is not bound gets a message listing the models defined so far.
  static func model(_ expression: Expression, session: KerasSession, kind: Kind, position: Int)
    throws(Problem)
    -> KerasModel
  {
    if case .name(let name) = expression.kind, session.globals[name] == nil {
      if let model = session.model(named: name) { return model }
      let defined = session.definedModels.map { "\($0.variable) (\($0.model.name))" }
      let known =
        defined.isEmpty
        ? "no model is defined above this figure"
        : "models defined above it: " + defined.joined(separator: ", ")
      // A cell above that failed before defining it is the error to fix.
      let note = session.failureNote(forMissing: name).map { "; " + $0 } ?? ""
      throw Problem(
        type: nil, message: "no model named '\(name)'; \(known)\(note)", range: expression.range)
    }
    let value = try evaluate(expression, session: session)
    guard case .model(let model) = value else {
      throw Problem(
        type: "TypeError",
        message:
          "argument \(position) of \(kind.rawValue)() must be a model, not \(value.typeName)",
        range: expression.range)
    }
    return model
  }

  /// The most sizes one scaling figure draws: each is a model built again, and a chart of more
  /// points than pixels says nothing more (`sizes=range(10**9)` ran until the lesson's processor
  /// limit stopped it, with no line to blame).
  static let maximumSizes = 1000

  static func sizes(_ expression: Expression, session: KerasSession) throws(Problem) -> [Int] {
    let items: [Value]
    let value = try evaluate(expression, session: session)
    let tooMany = { (count: Int) in
      Problem(
        type: "ValueError",
        message:
          "sizes= holds \(count) sizes; a scaling figure draws at most \(Self.maximumSizes)",
        range: expression.range)
    }
    switch value {
    case .list, .tuple:
      items = value.sequenceItems!
      guard items.count <= Self.maximumSizes else { throw tooMany(items.count) }
    case .range(let start, let stop, let step):
      // The range's length, without making it (its span may pass 64 bits: then it is too long).
      let (span, overflow) =
        step > 0
        ? stop.subtractingReportingOverflow(start) : start.subtractingReportingOverflow(stop)
      let stepSize = step > 0 ? step : (step == Int.min ? Int.max : -step)
      let count = overflow ? Int.max : span <= 0 ? 0 : (span - 1) / stepSize + 1
      guard count <= Self.maximumSizes else {
        throw Problem(
          type: "ValueError",
          message:
            "sizes= holds \(overflow ? "more than \(Int.max)" : "\(count)") sizes; a scaling figure draws at most \(Self.maximumSizes)",
          range: expression.range)
      }
      items = stride(from: start, to: stop, by: step).map(Value.int)
    default:
      throw Problem(
        type: "TypeError", message: "sizes= must be a list of input sides in pixels",
        range: expression.range)
    }
    var sizes: [Int] = []
    for item in items {
      guard case .int(let size) = item, size > 0 else {
        throw Problem(
          type: "ValueError", message: "sizes= must hold positive whole numbers of pixels",
          range: expression.range)
      }
      sizes.append(size)
    }
    guard !sizes.isEmpty else {
      throw Problem(
        type: "ValueError", message: "sizes= must hold at least one size", range: expression.range)
    }
    return sizes
  }
}
