import CNNEngine

/// The convolution figure: one layer's window arithmetic on a small grid, as panels stacked for a
/// phone. Each panel shows the input grid (pixels solid, padding dashed, a transposed
/// convolution's inserted zeros dotted) with the window's taps at one output position, and the
/// output grid with that position marked; below, the output size worked out with the layer's
/// numbers. The table lists every output position's source window.
public enum ConvolutionFigure {
  static let width = 360.0
  static let pixelFill = "#dcecf7"
  static let outputFill = "#d9f0e8"
  static let tapFill = "#f7c9a9"

  public static func node(_ diagram: ConvolutionDiagram, number: Int, caption: String? = nil)
    -> HTMLNode
  {
    let id = FigureIdentifier.make(kind: "convolution", number: number, models: [diagram.layerName])
    return FigureMarkup.figure(
      kind: "convolution", id: id, svg: svg(diagram, id: id), tables: [table(diagram)],
      caption: (caption.map { $0 + " " } ?? "") + summarySentence(diagram))
  }

  static func joined(_ values: [Int]) -> String {
    values.map(String.init).joined(separator: "×")
  }

  static func settings(_ diagram: ConvolutionDiagram) -> String {
    let axes = diagram.axes
    var text =
      "\(diagram.isPooling ? "pool" : "kernel") \(joined(axes.map(\.kernel))), stride \(joined(axes.map(\.stride))), padding \(diagram.padding.rawValue)"
    if axes.contains(where: { $0.dilation > 1 }) {
      text += ", dilation \(joined(axes.map(\.dilation)))"
    }
    return text
  }

  /// The output size along one axis, worked out.
  static func formula(_ axis: ConvolutionDiagram.Axis, diagram: ConvolutionDiagram) -> String {
    let n = axis.input
    let s = axis.stride
    let e = axis.extent
    let extent = axis.dilation > 1 ? "e" : "k"
    if diagram.isTransposed {
      switch diagram.padding {
      case .valid:
        return "n·s + max(\(extent) − s, 0) = \(n)·\(s) + max(\(e) − \(s), 0) = \(axis.output)"
      default:
        return "n·s = \(n)·\(s) = \(axis.output)"
      }
    }
    switch diagram.padding {
    case .valid:
      return "⌊(n − \(extent)) / s⌋ + 1 = ⌊(\(n) − \(e)) / \(s)⌋ + 1 = \(axis.output)"
    default:
      return "⌈n / s⌉ = ⌈\(n) / \(s)⌉ = \(axis.output)"
    }
  }

  static func summarySentence(_ diagram: ConvolutionDiagram) -> String {
    let axes = diagram.axes
    var sentence =
      "\(diagram.layerName) (\(diagram.className)): \(settings(diagram)). On a \(joined(axes.map(\.input))) input it gives a \(joined(axes.map(\.output))) output"
    if axes.contains(where: { $0.padBefore + $0.padAfter > 0 }) {
      sentence +=
        ", padding \(joined(axes.map(\.padBefore))) before and \(joined(axes.map(\.padAfter))) after"
    }
    if diagram.isTransposed {
      sentence +=
        "; drawn as the direct convolution it equals: \(joined(axes.map(\.inserted))) zeros between pixels and a stride-1 window"
    }
    sentence += ". " + formulaSentence(diagram)
    if let input = diagram.realInput, let output = diagram.realOutput {
      sentence += " On its real input \(input) it gives \(output)."
    }
    return sentence
  }

  /// The output size worked out: once when every axis gives the same, else per axis.
  static func formulaSentence(_ diagram: ConvolutionDiagram) -> String {
    let axes = diagram.axes
    if axes.count == 1 || (axes.count == 2 && axes[0] == axes[1]) {
      return "Output side: " + formula(axes[0], diagram: diagram) + "."
    }
    return "Output rows: " + formula(axes[0], diagram: diagram) + "; columns: "
      + formula(axes[1], diagram: diagram) + "."
  }

  /// The grid rows and columns (1D: one row) a window at `position` covers.
  static func taps(_ diagram: ConvolutionDiagram, _ position: [Int]) -> [[Int]] {
    zip(diagram.axes, position).map { axis, index in axis.taps(of: index) }
  }

  /// Input pixels (not padding, not inserted zeros) a window at `position` reads, per axis.
  static func sourceText(_ diagram: ConvolutionDiagram, _ position: [Int]) -> String {
    let names = diagram.axes.count == 1 ? ["positions"] : ["rows", "columns"]
    var parts: [String] = []
    for (axisIndex, (axis, index)) in zip(diagram.axes, position).enumerated() {
      let pixels = axis.taps(of: index).compactMap(axis.inputPixel(at:))
      let padded = axis.taps(of: index).count - pixels.count
      var text: String
      if pixels.isEmpty {
        text = "no input \(names[axisIndex])"
      } else if pixels.count > 1, pixels == Array(pixels[0]...pixels[pixels.count - 1]) {
        text = "\(names[axisIndex]) \(pixels[0])–\(pixels[pixels.count - 1])"
      } else {
        text = "\(names[axisIndex]) " + pixels.map(String.init).joined(separator: ", ")
      }
      if padded > 0 { text += " (+\(padded) zero\(padded == 1 ? "" : "s"))" }
      parts.append(text)
    }
    return parts.joined(separator: " × ")
  }

  static func svg(_ diagram: ConvolutionDiagram, id: String) -> HTMLNode {
    var canvas = SVGCanvas()
    var y = canvas.paragraph(
      "\(diagram.className) \(diagram.layerName): \(settings(diagram))", x: 8, y: 20,
      width: width - 16, size: 13, bold: true)
    let axes = diagram.axes
    let rows = axes.count == 2 ? axes[0] : nil
    let columns = axes[axes.count - 1]
    let gridColumns = columns.padded
    let gridRows = rows?.padded ?? 1
    let outputColumns = columns.output
    let outputRows = rows?.output ?? 1
    // Cells as large as fit: both grids and the gap between them in the width.
    let cell = min(
      20.0, max(7.0, (width - 16 - 40) / Double(gridColumns + outputColumns)))
    y += 14
    for position in diagram.highlightedOutputs {
      let window = taps(diagram, position)
      let tapRows = axes.count == 2 ? Set(window[0]) : [0]
      let tapColumns = Set(window[window.count - 1])
      let label =
        "output " + (position.count == 1 ? "\(position[0])" : "(\(position[0]), \(position[1]))")
      let labelBottom = canvas.paragraph(
        label + " reads " + sourceText(diagram, position), x: 8, y: y, width: width - 16,
        size: 11.5)
      let top = labelBottom + 8
      for row in 0..<gridRows {
        for column in 0..<gridColumns {
          let pixelRow = rows.map { $0.inputPixel(at: row) } ?? 0
          let pixelColumn = columns.inputPixel(at: column)
          let isPixel = pixelRow != nil && pixelColumn != nil
          let isTap = tapRows.contains(row) && tapColumns.contains(column)
          let isPadding =
            column < columns.padBefore || column >= gridColumns - columns.padAfter
            || (rows.map { row < $0.padBefore || row >= gridRows - $0.padAfter } ?? false)
          let x = 8 + Double(column) * cell
          let cellY = top + Double(row) * cell
          canvas.rect(
            x: x + 0.5, y: cellY + 0.5, width: cell - 1, height: cell - 1,
            fill: isTap ? tapFill : isPixel ? pixelFill : FigurePalette.paper,
            stroke: isTap
              ? FigurePalette.vermillion : isPixel ? FigurePalette.blue : FigurePalette.muted,
            strokeWidth: isTap ? 1.6 : 0.8, dashed: !isPixel && isPadding)
          if !isPixel && !isPadding {
            // An inserted zero of a transposed convolution.
            canvas.text(
              "0", x: x + cell / 2, y: cellY + cell * 0.68, size: max(cell * 0.5, 6),
              anchor: .middle, fill: FigurePalette.muted)
          }
        }
      }
      let outputLeft = 8 + Double(gridColumns) * cell + 40
      let middle = top + Double(gridRows) * cell / 2
      canvas.path(
        "M\(SVGCanvas.number(outputLeft - 32)) \(SVGCanvas.number(middle))L\(SVGCanvas.number(outputLeft - 10)) \(SVGCanvas.number(middle))",
        stroke: FigurePalette.ink, width: 1.5)
      canvas.path(
        "M\(SVGCanvas.number(outputLeft - 15)) \(SVGCanvas.number(middle - 4))L\(SVGCanvas.number(outputLeft - 8)) \(SVGCanvas.number(middle))L\(SVGCanvas.number(outputLeft - 15)) \(SVGCanvas.number(middle + 4))Z",
        stroke: FigurePalette.ink, fill: FigurePalette.ink)
      let outputTop = middle - Double(outputRows) * cell / 2
      for row in 0..<outputRows {
        for column in 0..<outputColumns {
          let marked =
            column == position[position.count - 1] && (position.count == 1 || row == position[0])
          canvas.rect(
            x: outputLeft + Double(column) * cell + 0.5, y: outputTop + Double(row) * cell + 0.5,
            width: cell - 1, height: cell - 1, fill: marked ? tapFill : outputFill,
            stroke: marked ? FigurePalette.vermillion : FigurePalette.green,
            strokeWidth: marked ? 1.6 : 0.8)
        }
      }
      y = top + max(Double(gridRows), Double(outputRows)) * cell + 22
    }
    // The key and the sizes.
    canvas.rect(
      x: 8, y: y - 9, width: 10, height: 10, fill: pixelFill, stroke: FigurePalette.blue,
      strokeWidth: 0.8)
    canvas.text("input pixel", x: 22, y: y, size: 11)
    canvas.rect(
      x: 96, y: y - 9, width: 10, height: 10, fill: FigurePalette.paper,
      stroke: FigurePalette.muted, strokeWidth: 0.8, dashed: true)
    canvas.text("padding", x: 110, y: y, size: 11)
    canvas.rect(
      x: 168, y: y - 9, width: 10, height: 10, fill: tapFill, stroke: FigurePalette.vermillion,
      strokeWidth: 1.6)
    canvas.text("window", x: 182, y: y, size: 11)
    canvas.rect(
      x: 236, y: y - 9, width: 10, height: 10, fill: outputFill, stroke: FigurePalette.green,
      strokeWidth: 0.8)
    canvas.text("output", x: 250, y: y, size: 11)
    y += 20
    y = canvas.paragraph(formulaSentence(diagram), x: 8, y: y, width: width - 16, size: 12) + 18
    return canvas.svgNode(
      id: id, width: width, height: y - 6,
      title: "Convolution arithmetic of \(diagram.layerName)",
      description: summarySentence(diagram)
        + " Panels show the window's taps on the input grid for a few output positions.",
      maxWidth: 540)
  }

  static func table(_ diagram: ConvolutionDiagram) -> HTMLNode {
    var positions: [[Int]] = []
    if diagram.axes.count == 1 {
      positions = (0..<diagram.axes[0].output).map { [$0] }
    } else {
      for row in 0..<diagram.axes[0].output {
        for column in 0..<diagram.axes[1].output { positions.append([row, column]) }
      }
    }
    let shown = positions.count <= 36 ? positions : diagram.highlightedOutputs
    let rows = shown.map { position in
      [
        position.count == 1 ? "\(position[0])" : "(\(position[0]), \(position[1]))",
        sourceText(diagram, position),
      ]
    }
    return FigureMarkup.table(
      caption: "What each output position reads (input pixels counted from 0; zeros are padding"
        + (diagram.isTransposed ? " or inserted between pixels)" : ")"),
      header: ["Output", "Reads"], rows: rows)
  }
}

extension ConvolutionFigure {
  /// The figure's markup (its node written out, with the line break that follows a block).
  public static func html(_ diagram: ConvolutionDiagram, number: Int, caption: String? = nil)
    -> String
  {
    node(diagram, number: number, caption: caption).markup + "\n"
  }
}
