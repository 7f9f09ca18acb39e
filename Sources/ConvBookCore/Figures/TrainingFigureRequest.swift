import CNNEngine
import KerasCells
import LessonKit
import LessonRender

/// The figure blocks about training, read from their one call:
///
///     history(flat_history, pooling_history, labels=["Flatten", "pooling"])
///     shift_test(flat_model, pooling_model, x_test, y_test, shifts=[0, 2, 4, 6])
///
/// `history` draws `model.fit`'s histories (loss, then each metric; validation dashed).
/// `shift_test` measures each model's accuracy on the test images moved k pixels to the right
/// (`np.roll(x, k, axis=2)`: what leaves on the right comes back on the left) with the weights the
/// lesson trained, in inference mode.
enum TrainingFigureRequest {
  static let kinds = ["history", "shift_test"]

  /// The figure, or nil when the block is not a training figure.
  static func evaluate(_ figure: FigureBlock, session: KerasSession, file: String) -> (
    FigureView, [Diagnostic]
  )? {
    guard let expression = try? KerasSession.parseExpression(figure.text),
      case .call(let callee, let arguments) = expression.kind,
      case .name(let name) = callee.kind, kinds.contains(name)
    else { return nil }
    let kind = name == "history" ? "history" : "shift-test"
    do {
      let drawn: (TrainingFigure.Figure, String?)
      if name == "history" {
        drawn = try history(arguments, session: session)
      } else {
        drawn = try shiftTest(arguments, session: session, whole: expression.range)
      }
      return (
        FigureView(
          kind: "convbook-" + kind, number: figure.fenceLine, caption: drawn.1,
          data: .training(drawn.0)), []
      )
    } catch {
      let diagnostic = FigureEvaluator.diagnostic(error, in: figure, file: file)
      return (
        FigureView(kind: "convbook-" + kind, number: figure.fenceLine, error: diagnostic.pageError),
        [diagnostic]
      )
    }
  }

  private typealias Problem = FigureRequest.Problem

  private static func value(_ expression: Expression, _ session: KerasSession) throws(Problem)
    -> Value
  {
    try FigureRequest.evaluate(expression, session: session)
  }

  private static func strings(_ expression: Expression, _ session: KerasSession) throws(Problem)
    -> [String]
  {
    guard let items = try value(expression, session).sequenceItems else {
      throw Problem(
        type: "TypeError", message: "labels= must be a list of strings", range: expression.range)
    }
    var result: [String] = []
    for item in items {
      guard case .string(let text) = item else {
        throw Problem(
          type: "TypeError", message: "labels= must be a list of strings", range: expression.range)
      }
      result.append(text)
    }
    return result
  }

  private static func history(_ arguments: [Argument], session: KerasSession)
    throws(Problem) -> (TrainingFigure.Figure, String?)
  {
    var histories: [(FitHistory, SourceRange)] = []
    var labels: [String]?
    var caption: String?
    for argument in arguments {
      switch argument.kind {
      case .positional:
        guard case .history(let history) = try value(argument.value, session) else {
          throw Problem(
            type: "TypeError",
            message:
              "history() takes what model.fit returned (history = model.fit(...)); usage: history(h1, h2, ..., labels=[...])",
            range: argument.value.range)
        }
        histories.append((history, argument.value.range))
      case .keyword("labels"): labels = try strings(argument.value, session)
      case .keyword("caption"):
        guard case .string(let text) = try value(argument.value, session) else {
          throw Problem(
            type: "TypeError", message: "caption= must be a string", range: argument.value.range)
        }
        caption = text
      default:
        throw Problem(
          type: "TypeError",
          message: "usage: history(h1, h2, ..., labels=[\"...\", ...], caption=\"...\")",
          range: argument.range)
      }
    }
    guard let first = histories.first else {
      throw Problem(
        type: "TypeError", message: "history() needs at least one history",
        range: arguments.first?.range
          ?? SourceRange(at: SourceLocation(line: 1, column: 1, utf8Offset: 0)))
    }
    let names = labels ?? histories.indices.map { "history \($0 + 1)" }
    guard names.count == histories.count else {
      throw Problem(
        type: "ValueError",
        message: "labels= has \(names.count) names for \(histories.count) histories",
        range: first.1)
    }
    // Loss first, then the metrics, in the order of the first history.
    var metrics: [String] = []
    for (history, _) in histories {
      for name in history.names where !name.hasPrefix("val_") && !metrics.contains(name) {
        metrics.append(name)
      }
    }
    metrics.sort { ($0 == "loss" ? 0 : 1, $0) < ($1 == "loss" ? 0 : 1, $1) }
    let epochs = histories.map { $0.0.values.first?.count ?? 0 }.max() ?? 0
    var charts: [TrainingFigure.Chart] = []
    for metric in metrics {
      var series: [TrainingFigure.Series] = []
      for (group, (history, _)) in histories.enumerated() {
        if let values = history[metric] {
          series.append(
            .init(
              name: "\(names[group]) training", values: values.map(Double.init), group: group,
              dashed: false))
        }
        if let values = history["val_" + metric] {
          series.append(
            .init(
              name: "\(names[group]) validation", values: values.map(Double.init), group: group,
              dashed: true))
        }
      }
      let percent = metric.contains("acc")
      charts.append(
        .init(
          title: metric == "loss" ? "Loss per epoch" : "\(metric) per epoch", xLabel: "epoch",
          xValues: Array(1...max(1, epochs)), series: series, percent: percent))
    }
    var summary = "Learning curves over \(epochs) epoch\(epochs == 1 ? "" : "s")."
    for (group, (history, _)) in histories.enumerated() {
      let parts = history.names.compactMap { name -> String? in
        guard let last = history[name]?.last else { return nil }
        return "\(name) \(TrainingFigure.format(Double(last), percent: name.contains("acc")))"
      }
      summary += " \(names[group]) ends at " + parts.joined(separator: ", ") + "."
    }
    return (
      TrainingFigure.Figure(
        kind: "history", charts: charts,
        title: "Learning curves of " + names.joined(separator: " and "), summary: summary),
      caption
    )
  }

  private static func shiftTest(
    _ arguments: [Argument], session: KerasSession, whole: SourceRange
  ) throws(Problem) -> (TrainingFigure.Figure, String?) {
    var models: [KerasModel] = []
    var arrays: [(NDArray, SourceRange)] = []
    var shifts = [0, 1, 2, 3, 4, 5, 6]
    var caption: String?
    for argument in arguments {
      switch argument.kind {
      case .positional:
        switch try value(argument.value, session) {
        case .model(let model) where arrays.isEmpty: models.append(model)
        case .array(let array): arrays.append((array, argument.value.range))
        default:
          throw Problem(
            type: "TypeError",
            message: "usage: shift_test(model_a, model_b, ..., x_test, y_test, shifts=[0, 2, 4])",
            range: argument.value.range)
        }
      case .keyword("shifts"):
        guard case let items? = try value(argument.value, session).sequenceItems,
          !items.isEmpty
        else {
          throw Problem(
            type: "TypeError", message: "shifts= must be a list of pixel counts",
            range: argument.value.range)
        }
        shifts = []
        for item in items {
          guard case .int(let shift) = item, (-512...512).contains(shift) else {
            throw Problem(
              type: "ValueError", message: "shifts= must hold whole numbers of pixels",
              range: argument.value.range)
          }
          shifts.append(shift)
        }
      case .keyword("caption"):
        guard case .string(let text) = try value(argument.value, session) else {
          throw Problem(
            type: "TypeError", message: "caption= must be a string", range: argument.value.range)
        }
        caption = text
      default:
        throw Problem(
          type: "TypeError",
          message: "usage: shift_test(model_a, model_b, ..., x_test, y_test, shifts=[0, 2, 4])",
          range: argument.range)
      }
    }
    guard !models.isEmpty, arrays.count == 2 else {
      throw Problem(
        type: "TypeError",
        message:
          "shift_test() takes the models, then x_test and y_test; usage: shift_test(model_a, model_b, ..., x_test, y_test, shifts=[0, 2, 4])",
        range: whole)
    }
    let (x, xRange) = arrays[0]
    let (y, yRange) = arrays[1]
    guard x.rank == 4, x.shape[0] == y.shape[0] else {
      throw Problem(
        type: "ValueError",
        message:
          "x_test must be images (N, height, width, channels) and y_test hold one label per image",
        range: x.rank == 4 ? yRange : xRange)
    }
    let labels: [Int]
    let yValues = y.scalars
    if y.rank == 2 {
      let classes = y.shape[1]
      labels = (0..<y.shape[0]).map { row in
        var best = 0
        for c in 1..<max(1, classes)
        where yValues[row * classes + c] > yValues[row * classes + best] {
          best = c
        }
        return best
      }
    } else {
      labels = yValues.map { Int($0) }
    }
    var series: [TrainingFigure.Series] = []
    for (group, model) in models.enumerated() {
      let weights: ModelWeights
      do {
        weights =
          try session.training.trainedWeights(of: model)
          ?? ModelWeights.initialized(for: model, seed: session.training.seed)
      } catch {
        throw Problem(type: nil, message: "\(error)", range: whole)
      }
      let pass = ForwardPass(model: model, weights: weights, engine: session.engine)
      var accuracies: [Double] = []
      for shift in shifts {
        let moved = Self.roll(x, shift: shift)
        var correct = 0
        var start = 0
        while start < moved.shape[0] {
          let stop = min(moved.shape[0], start + 64)
          let row = moved.count / moved.shape[0]
          let batch = Tensor(
            validShape: [stop - start] + Array(moved.shape.dropFirst()),
            scalars: Array(moved.scalars[(start * row)..<(stop * row)]))
          let output: Tensor
          do {
            output = try pass.run(batch)
          } catch {
            throw Problem(type: nil, message: "\(model.name): \(error.message)", range: whole)
          }
          let classes = output.count / max(1, stop - start)
          for i in 0..<(stop - start) {
            var best = 0
            for c in 1..<max(1, classes)
            where output.scalars[i * classes + c] > output.scalars[i * classes + best] {
              best = c
            }
            if best == labels[start + i] { correct += 1 }
          }
          start = stop
        }
        accuracies.append(Double(correct) / Double(max(1, moved.shape[0])))
      }
      series.append(.init(name: model.name, values: accuracies, group: group, dashed: false))
    }
    let chart = TrainingFigure.Chart(
      title: "Test accuracy with the images shifted right", xLabel: "shift in pixels",
      xValues: shifts, series: series, percent: true)
    var summary =
      "Accuracy on the \(x.shape[0]) test images moved 0 to \(shifts.max() ?? 0) pixels to the right (np.roll along the width)."
    for item in series {
      summary +=
        " \(item.name): \(TrainingFigure.format(item.values.first ?? 0, percent: true)) unshifted, \(TrainingFigure.format(item.values.last ?? 0, percent: true)) at \(shifts.last ?? 0) pixels."
    }
    return (
      TrainingFigure.Figure(
        kind: "shift-test", charts: [chart],
        title: "Accuracy as the test images shift: "
          + models.map(\.name).joined(separator: " and "), summary: summary),
      caption
    )
  }

  /// `np.roll(x, shift, axis=2)` for images (N, H, W, C).
  static func roll(_ x: NDArray, shift: Int) -> Tensor {
    let (n, h, w, c) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
    guard w > 0 else { return x.tensor }
    let amount = ((shift % w) + w) % w
    let moved = NumPyKernel.roll(x.storage, outer: n * h, size: w, inner: c, amount: amount)
    return Tensor(validShape: x.shape, scalars: moved.floats)
  }
}
