import Foundation

/// The figures of training: learning curves (`history(h1, h2, ...)`: loss and each metric per
/// epoch, training solid and validation dashed, one colour and marker per history) and the shift
/// test (`shift_test(model_a, model_b, x, y, shifts=[...])`: accuracy as the test images move
/// sideways). Linear axes; every point has a hover title and the table repeats every number.
public enum TrainingFigure {
  /// One line of a chart.
  public struct Series: Sendable, Equatable {
    public var name: String
    public var values: [Double]
    /// Colour and marker come from the series' group (one history or one model).
    public var group: Int
    public var dashed: Bool

    public init(name: String, values: [Double], group: Int, dashed: Bool) {
      self.name = name
      self.values = values
      self.group = group
      self.dashed = dashed
    }
  }

  /// One chart: a title, the x values and the lines over them.
  public struct Chart: Sendable, Equatable {
    public var title: String
    public var xLabel: String
    public var xValues: [Int]
    public var series: [Series]
    /// Values as fractions shown as percentages (accuracy).
    public var percent: Bool

    public init(title: String, xLabel: String, xValues: [Int], series: [Series], percent: Bool) {
      self.title = title
      self.xLabel = xLabel
      self.xValues = xValues
      self.series = series
      self.percent = percent
    }
  }

  static let width = 440.0
  static let plotLeft = 56.0
  static let plotRight = 420.0
  static let plotHeight = 150.0

  /// A whole figure: its kind (`history` or `shift-test`), charts, title and summary sentence.
  public struct Figure {
    public var kind: String
    public var charts: [Chart]
    public var title: String
    public var summary: String

    public init(kind: String, charts: [Chart], title: String, summary: String) {
      self.kind = kind
      self.charts = charts
      self.title = title
      self.summary = summary
    }
  }

  /// The `<figure>` element of `figure`.
  public static func node(_ figure: Figure, number: Int, caption: String?) -> HTMLNode {
    let charts = figure.charts
    var names: [String] = []
    for series in charts.flatMap(\.series) where !names.contains(series.name) {
      names.append(series.name)
    }
    let id = FigureIdentifier.make(kind: figure.kind, number: number, models: names)
    var canvas = SVGCanvas()
    var y = legend(&canvas, charts)
    for chart in charts {
      y = draw(&canvas, chart, top: y + 14)
    }
    let svg = canvas.svgNode(
      id: id, width: width, height: y + 8, title: figure.title,
      description: figure.summary
        + " Line charts; each line has its own colour, dash pattern and marker shape, and its values are in the table below.",
      maxWidth: 640)
    return FigureMarkup.figure(
      kind: figure.kind, id: id, svg: svg, tables: charts.map(table),
      caption: (caption.map { $0 + " " } ?? "") + figure.summary)
  }

  /// A value as the figure prints it: 0.8125 as `81.3%` on a percentage chart, else four digits.
  public static func format(_ value: Double, percent: Bool) -> String {
    percent ? String(format: "%.1f%%", value * 100) : String(format: "%.4f", value)
  }

  private static func legend(_ canvas: inout SVGCanvas, _ charts: [Chart]) -> Double {
    var seen: [String] = []
    var entries: [Series] = []
    for series in charts.flatMap(\.series) where !seen.contains(series.name) {
      seen.append(series.name)
      entries.append(series)
    }
    var x = 8.0
    var y = 16.0
    for series in entries {
      let entryWidth = 44 + SVGCanvas.estimatedWidth(series.name, size: 12, bold: true)
      if x + entryWidth > width - 8 && x > 8 {
        x = 8
        y += 18
      }
      canvas.line(
        x1: x, y1: y - 4, x2: x + 30, y2: y - 4, stroke: ScalingFigure.color(series.group),
        width: 2.5, dash: series.dashed ? "6 4" : nil)
      ScalingFigure.marker(&canvas, index: series.group, x: x + 15, y: y - 4, title: nil)
      canvas.text(series.name, x: x + 36, y: y, size: 12, bold: true)
      x += entryWidth + 14
    }
    return y + 6
  }

  /// Round bounds for the y axis: 0 to 1 for percentages, else 0 (or the minimum) to a round top.
  static func bounds(_ chart: Chart) -> (Double, Double) {
    let values = chart.series.flatMap(\.values).filter { $0.isFinite }
    if chart.percent { return (0, 1) }
    let high = values.max() ?? 1
    let low = min(0, values.min() ?? 0)
    guard high > low else { return (low, low + 1) }
    let step = pow(10, (log10(high - low)).rounded(.down))
    return (low, ((high / step).rounded(.up)) * step)
  }

  private static func draw(_ canvas: inout SVGCanvas, _ chart: Chart, top: Double) -> Double {
    canvas.text(chart.title, x: 8, y: top + 4, size: 14, bold: true)
    let plotTop = top + 18
    let plotBottom = plotTop + plotHeight
    let (low, high) = bounds(chart)
    let xs = chart.xValues
    let minX = Double(xs.min() ?? 0)
    let maxX = Double(xs.max() ?? 1)
    func xPosition(_ value: Int) -> Double {
      maxX == minX
        ? (plotLeft + plotRight) / 2
        : plotLeft + (plotRight - plotLeft) * (Double(value) - minX) / (maxX - minX)
    }
    func yPosition(_ value: Double) -> Double {
      plotBottom - plotHeight * (min(max(value, low), high) - low) / (high - low)
    }
    for step in 0...4 {
      let value = low + (high - low) * Double(step) / 4
      let gridY = yPosition(value)
      canvas.line(x1: plotLeft, y1: gridY, x2: plotRight, y2: gridY, stroke: FigurePalette.rule)
      canvas.text(
        chart.percent ? String(format: "%.0f%%", value * 100) : String(format: "%.2f", value),
        x: plotLeft - 6, y: gridY + 4, size: 11, anchor: .end, fill: FigurePalette.muted)
    }
    canvas.line(
      x1: plotLeft, y1: plotTop, x2: plotLeft, y2: plotBottom, stroke: FigurePalette.muted)
    var lastLabel = -Double.infinity
    for value in xs {
      let x = xPosition(value)
      canvas.line(x1: x, y1: plotBottom, x2: x, y2: plotBottom + 4, stroke: FigurePalette.muted)
      if x - lastLabel >= 22 {
        canvas.text(
          String(value), x: x, y: plotBottom + 16, size: 11, anchor: .middle,
          fill: FigurePalette.muted)
        lastLabel = x
      }
    }
    canvas.text(
      chart.xLabel, x: (plotLeft + plotRight) / 2, y: plotBottom + 31, size: 11, anchor: .middle,
      fill: FigurePalette.muted)
    for series in chart.series {
      let points = zip(xs, series.values).filter { $0.1.isFinite }
      let data = points.enumerated().map { offset, point in
        (offset == 0 ? "M" : "L") + SVGCanvas.number(xPosition(point.0)) + " "
          + SVGCanvas.number(yPosition(point.1))
      }.joined(separator: " ")
      if points.count > 1 {
        canvas.path(
          data, stroke: ScalingFigure.color(series.group), width: 2.5,
          dash: series.dashed ? "6 4" : nil)
      }
      for (x, value) in points {
        ScalingFigure.marker(
          &canvas, index: series.group, x: xPosition(x), y: yPosition(value),
          title:
            "\(series.name), \(chart.xLabel) \(x): \(format(value, percent: chart.percent))")
      }
    }
    return plotBottom + 36
  }

  private static func table(_ chart: Chart) -> HTMLNode {
    let header = [chart.xLabel] + chart.series.map(\.name)
    let rows = chart.xValues.enumerated().map { offset, x in
      [String(x)]
        + chart.series.map { series in
          offset < series.values.count && series.values[offset].isFinite
            ? format(series.values[offset], percent: chart.percent) : "–"
        }
    }
    return FigureMarkup.table(caption: chart.title, header: header, rows: rows)
  }
}
