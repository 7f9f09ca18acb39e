import CNNEngine
import Foundation

/// The scaling figure: parameters and multiply-accumulates of each model against the side of a
/// square input, as two line charts with a logarithmic y axis (one decade per gridline), so that
/// a head that grows with H*W and a head that stays flat can both be read on one chart. Every
/// point carries a hover title with its exact value; the table repeats all of them.
public enum ScalingFigure {
  static let width = 440.0
  static let plotLeft = 62.0
  static let plotRight = 418.0
  static let plotHeight = 160.0

  public static func node(_ scaling: ParameterScaling, number: Int, caption: String? = nil)
    -> HTMLNode
  {
    let id = FigureIdentifier.make(
      kind: "scaling", number: number, models: scaling.series.map(\.modelName))
    return FigureMarkup.figure(
      kind: "scaling", id: id, svg: svg(scaling, id: id), tables: [table(scaling)],
      caption: (caption.map { $0 + " " } ?? "") + summarySentence(scaling), notes: gapNotes(scaling)
    )
  }

  static func summarySentence(_ scaling: ParameterScaling) -> String {
    guard let first = scaling.sizes.first, let last = scaling.sizes.last else {
      return "No input sizes were given."
    }
    var text =
      "Parameters and multiply-accumulates for square inputs from \(first) × \(first) to \(last) × \(last) pixels, on a logarithmic scale."
    for series in scaling.series {
      let valid = series.points.filter(\.isValid)
      guard let low = valid.first, let high = valid.last, let from = low.parameters,
        let to = high.parameters
      else {
        text += " \(series.modelName) is valid at none of these sizes."
        continue
      }
      if from == to {
        text +=
          " \(series.modelName) keeps \(AnalysisFormat.grouped(from)) parameters at every valid size"
      } else {
        text +=
          " \(series.modelName) grows from \(AnalysisFormat.grouped(from)) parameters at \(low.size) × \(low.size) to \(AnalysisFormat.grouped(to)) at \(high.size) × \(high.size) (\(AnalysisFormat.ratio(Double(to) / Double(max(from, 1)))))"
      }
      if let fromMACs = low.multiplyAccumulates, let toMACs = high.multiplyAccumulates, fromMACs > 0
      {
        text +=
          "; its multiply-accumulates grow from \(AnalysisFormat.grouped(fromMACs)) to \(AnalysisFormat.grouped(toMACs)) (\(AnalysisFormat.ratio(Double(toMACs) / Double(fromMACs))))"
      }
      let invalid = series.points.filter { !$0.isValid }.map { String($0.size) }
      if !invalid.isEmpty { text += "; it cannot take \(invalid.joined(separator: ", ")) pixels" }
      text += "."
    }
    return text
  }

  static func gapNotes(_ scaling: ParameterScaling) -> [String] {
    scaling.series.flatMap { series in
      series.points.compactMap { point in
        point.invalidReason.map { "– \(series.modelName) at \(point.size) × \(point.size): \($0)" }
      }
    }
  }

  static func svg(_ scaling: ParameterScaling, id: String) -> HTMLNode {
    var canvas = SVGCanvas()
    var y = legend(&canvas, scaling)
    y = chart(&canvas, scaling, metric: "parameters", top: y + 12, value: \.parameters)
    y = chart(
      &canvas, scaling, metric: "multiply-accumulates per sample", top: y + 20,
      value: \.multiplyAccumulates)
    let names = scaling.series.map(\.modelName).joined(separator: " and ")
    return canvas.svgNode(
      id: id, width: width, height: y + 8,
      title: "How the parameters of \(names) grow with the input size",
      description: summarySentence(scaling)
        + " Two line charts, parameters and multiply-accumulates against the input side in pixels; each model is a line with its own dash pattern and marker shape.",
      maxWidth: 640)
  }

  /// Line sample, marker and name of each series; returns the y below the legend.
  static func legend(_ canvas: inout SVGCanvas, _ scaling: ParameterScaling) -> Double {
    var x = 8.0
    var y = 16.0
    for (index, series) in scaling.series.enumerated() {
      let entryWidth = 44 + SVGCanvas.estimatedWidth(series.modelName, size: 12, bold: true)
      if x + entryWidth > width - 8 && x > 8 {
        x = 8
        y += 18
      }
      canvas.line(
        x1: x, y1: y - 4, x2: x + 30, y2: y - 4, stroke: color(index), width: 2.5, dash: dash(index)
      )
      marker(&canvas, index: index, x: x + 15, y: y - 4, title: nil)
      canvas.text(series.modelName, x: x + 36, y: y, size: 12, bold: true)
      x += entryWidth + 14
    }
    return y + 6
  }

  static func color(_ index: Int) -> String {
    FigurePalette.seriesColors[index % FigurePalette.seriesColors.count]
  }
  static func dash(_ index: Int) -> String? {
    FigurePalette.seriesDashes[index % FigurePalette.seriesDashes.count]
  }

  /// Circle, square, triangle, diamond: a second cue besides colour and dash.
  static func marker(_ canvas: inout SVGCanvas, index: Int, x: Double, y: Double, title: String?) {
    let fill = color(index)
    let n = SVGCanvas.number
    let outline = [HTMLAttribute("fill", fill)] + SVGCanvas.strokeAttributes("#ffffff", width: 1)
    switch index % 4 {
    case 0:
      canvas.add(
        SVGCanvas.shape(
          "circle",
          [HTMLAttribute("cx", n(x)), HTMLAttribute("cy", n(y)), HTMLAttribute("r", "4")]
            + outline, title: title))
    case 1:
      canvas.add(
        SVGCanvas.shape(
          "rect",
          [
            HTMLAttribute("x", n(x - 4)), HTMLAttribute("y", n(y - 4)),
            HTMLAttribute("width", "8"), HTMLAttribute("height", "8"),
          ] + outline, title: title))
    case 2:
      canvas.add(
        SVGCanvas.shape(
          "path",
          [
            HTMLAttribute(
              "d", "M\(n(x)) \(n(y - 5)) L\(n(x + 5)) \(n(y + 4)) L\(n(x - 5)) \(n(y + 4)) Z")
          ]
            + outline, title: title))
    default:
      canvas.add(
        SVGCanvas.shape(
          "path",
          [
            HTMLAttribute(
              "d",
              "M\(n(x)) \(n(y - 5)) L\(n(x + 5)) \(n(y)) L\(n(x)) \(n(y + 5)) L\(n(x - 5)) \(n(y)) Z"
            )
          ] + outline, title: title))
    }
  }

  /// Powers of ten spanning `values`, at least one decade apart.
  static func decades(_ values: [Int]) -> (low: Int, high: Int) {
    let positive = values.filter { $0 > 0 }
    guard let smallest = positive.min(), let largest = positive.max() else { return (0, 1) }
    var low = 0
    while pow10(low + 1) <= smallest { low += 1 }
    var high = low
    while pow10(high) < largest { high += 1 }
    return (low, max(high, low + 1))
  }

  static func pow10(_ exponent: Int) -> Int {
    (0..<exponent).reduce(1) { result, _ in result * 10 }
  }

  /// One chart; returns the y below it.
  static func chart(
    _ canvas: inout SVGCanvas, _ scaling: ParameterScaling, metric: String, top: Double,
    value: KeyPath<ParameterScaling.Point, Int?>
  ) -> Double {
    canvas.text(
      metric.prefix(1).uppercased() + metric.dropFirst() + " (log scale)", x: 8, y: top + 4,
      size: 14, bold: true)
    let plotTop = top + 20
    let plotBottom = plotTop + plotHeight
    let values = scaling.series.flatMap { $0.points.compactMap { $0[keyPath: value] } }
    let (low, high) = decades(values)
    let sizes = scaling.sizes
    let minSize = Double(sizes.min() ?? 0)
    let maxSize = Double(sizes.max() ?? 1)
    func xPosition(_ size: Int) -> Double {
      maxSize == minSize
        ? (plotLeft + plotRight) / 2
        : plotLeft + (plotRight - plotLeft) * (Double(size) - minSize) / (maxSize - minSize)
    }
    func yPosition(_ amount: Int) -> Double {
      let exponent = log10(Double(max(amount, 1)))
      return plotBottom - plotHeight * (exponent - Double(low)) / Double(high - low)
    }
    // Decade gridlines and labels.
    for decade in low...high {
      let gridY = plotBottom - plotHeight * Double(decade - low) / Double(high - low)
      canvas.line(x1: plotLeft, y1: gridY, x2: plotRight, y2: gridY, stroke: FigurePalette.rule)
      canvas.text(
        AnalysisFormat.compact(pow10(decade)), x: plotLeft - 6, y: gridY + 4, size: 11,
        anchor: .end, fill: FigurePalette.muted)
    }
    canvas.line(
      x1: plotLeft, y1: plotTop, x2: plotLeft, y2: plotBottom, stroke: FigurePalette.muted)
    // Size ticks; labels skip sizes too close to the previous label.
    var lastLabel = -Double.infinity
    for size in sizes {
      let x = xPosition(size)
      canvas.line(x1: x, y1: plotBottom, x2: x, y2: plotBottom + 4, stroke: FigurePalette.muted)
      if x - lastLabel >= 28 || size == sizes.last {
        if size == sizes.last && x - lastLabel < 28 { continue }
        canvas.text(
          String(size), x: x, y: plotBottom + 16, size: 11, anchor: .middle,
          fill: FigurePalette.muted)
        lastLabel = x
      }
    }
    canvas.text(
      "input side in pixels (square input)", x: (plotLeft + plotRight) / 2, y: plotBottom + 31,
      size: 11, anchor: .middle, fill: FigurePalette.muted)
    // The size each model was defined with.
    let defined = Set(
      scaling.series.compactMap { series -> Int? in
        let spatial = series.definedInput.sample.dropLast()
        return spatial.count == 2 && spatial.first == spatial.last ? spatial.first ?? nil : nil
      })
    for size in defined.sorted() where Double(size) >= minSize && Double(size) <= maxSize {
      let x = xPosition(size)
      canvas.line(
        x1: x, y1: plotTop, x2: x, y2: plotBottom, stroke: FigurePalette.muted, dash: "2 3")
      canvas.text(
        "as defined: \(size)", x: x + 3, y: plotTop + 10, size: 10, fill: FigurePalette.muted)
    }
    // Lines, broken where a size is invalid, then the points on top.
    var labelBaselines: [Double] = []
    for (index, series) in scaling.series.enumerated() {
      var segments: [[(Double, Double)]] = [[]]
      for point in series.points {
        if let amount = point[keyPath: value] {
          segments[segments.count - 1].append((xPosition(point.size), yPosition(amount)))
        } else if !segments[segments.count - 1].isEmpty {
          segments.append([])
        }
      }
      for segment in segments where segment.count > 1 {
        let data = segment.enumerated().map { offset, point in
          (offset == 0 ? "M" : "L") + SVGCanvas.number(point.0) + " " + SVGCanvas.number(point.1)
        }.joined(separator: " ")
        canvas.path(data, stroke: color(index), width: 2.5, dash: dash(index))
      }
      for point in series.points {
        if let amount = point[keyPath: value] {
          marker(
            &canvas, index: index, x: xPosition(point.size), y: yPosition(amount),
            title:
              "\(series.modelName), \(point.size) × \(point.size) input: \(AnalysisFormat.grouped(amount)) \(metric)"
          )
        } else {
          let x = xPosition(point.size)
          canvas.text(
            parts: [
              .text("×"),
              .tag(
                "title", [:],
                [
                  .text(
                    "\(series.modelName) cannot take \(point.size) × \(point.size): \(point.invalidReason ?? "")"
                  )
                ]),
            ],
            attributes: SVGCanvas.textAttributes(
              x: x, y: plotBottom - 4, size: 13, bold: true, anchor: .middle, fill: color(index)))
        }
      }
      // The model's name at its last valid point, so that the lines read without the legend.
      if let last = series.points.last(where: { $0[keyPath: value] != nil }),
        let amount = last[keyPath: value]
      {
        let pointY = yPosition(amount)
        // Above the point, or below when that is too high or another label is there already.
        var y = pointY < plotTop + 24 ? pointY + 18 : pointY - 9
        while labelBaselines.contains(where: { abs($0 - y) < 13 }) { y += 14 }
        labelBaselines.append(y)
        canvas.text(
          parts: [.text(series.modelName + " " + AnalysisFormat.grouped(amount))],
          attributes: SVGCanvas.textAttributes(
            x: xPosition(last.size), y: y, size: 11, bold: true, anchor: .end, fill: color(index),
            halo: 3))
      }
    }
    return plotBottom + 36
  }

  static func table(_ scaling: ParameterScaling) -> HTMLNode {
    var header = ["Input"]
    for series in scaling.series {
      header += ["\(series.modelName) parameters", "\(series.modelName) MACs"]
    }
    let rows = scaling.sizes.enumerated().map { offset, size in
      ["\(size) × \(size)"]
        + scaling.series.flatMap { series -> [String] in
          let point = series.points[offset]
          return [
            point.parameters.map(AnalysisFormat.grouped) ?? "invalid",
            point.multiplyAccumulates.map(AnalysisFormat.grouped) ?? "invalid",
          ]
        }
    }
    return FigureMarkup.table(
      caption: "Parameters and multiply-accumulates per input size", header: header, rows: rows)
  }
}

extension ScalingFigure {
  /// The figure's markup (its node written out, with the line break that follows a block).
  public static func html(_ scaling: ParameterScaling, number: Int, caption: String? = nil)
    -> String
  {
    node(scaling, number: number, caption: caption).markup + "\n"
  }
}
