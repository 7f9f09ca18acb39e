import CNNEngine

/// The shape-trace figure: one row per tensor of a model's path, with a bar for the values it
/// holds per sample and a bar for the parameters of the layer that made it. Both columns use linear
/// scales, so that a layer holding almost every parameter is one long bar beside slivers; the rows
/// the engine marks (a parameter jump, a flattened layout) are tinted, hatched and labelled.
public enum TraceFigure {
  static let width = 440.0
  static let columnWidth = 206.0
  static let valuesX = 8.0
  static let parametersX = 226.0

  public static func html(_ trace: ShapeTrace, number: Int, caption: String? = nil) -> String {
    let id = FigureIdentifier.make(kind: "trace", number: number, models: [trace.modelName])
    let svg = svg(trace, id: id)
    return FigureMarkup.figure(
      kind: "trace", id: id, svg: svg, tables: [table(trace)],
      caption: (caption.map { $0 + " " } ?? "") + summarySentence(trace))
  }

  /// What the figure shows, in words: the caption and the SVG's description.
  static func summarySentence(_ trace: ShapeTrace) -> String {
    let total = trace.totalParameters
    var text = "Shape trace of \(trace.modelName): \(trace.steps.count - 1) layers, "
    text +=
      "\(AnalysisFormat.grouped(total)) parameters, \(AnalysisFormat.grouped(trace.totalMultiplyAccumulates)) multiply-accumulates per sample."
    if let biggest = trace.steps.filter({ $0.values != nil }).max(by: { $0.values! < $1.values! }),
      let values = biggest.values
    {
      text +=
        " The largest tensor is the output of \(biggest.name), \(AnalysisFormat.grouped(values)) values."
    }
    for step in trace.steps {
      if step.marks.contains(.flattensLayout), let values = step.values {
        text +=
          " \(step.name) turns the map into one vector of \(AnalysisFormat.grouped(values)) values."
      }
      if step.marks.contains(.parameterJump), let growth = step.parameterGrowth, total > 0 {
        text +=
          " Parameters jump at \(step.name): \(AnalysisFormat.grouped(step.parameters)), \(AnalysisFormat.ratio(growth)) as many as any layer before it and \(AnalysisFormat.percent(Double(step.parameters) / Double(total))) of the model."
      }
    }
    return text
  }

  static func notes(for step: ShapeTrace.Step, total: Int) -> [String] {
    var notes: [String] = []
    if step.marks.contains(.parameterJump), let growth = step.parameterGrowth, total > 0 {
      notes.append(
        "▲ parameters jump \(AnalysisFormat.ratio(growth)): this layer holds \(AnalysisFormat.percent(Double(step.parameters) / Double(total)))"
      )
    }
    if step.marks.contains(.flattensLayout) {
      notes.append("↧ the map becomes one vector: rows and columns are gone")
    }
    if step.marks.contains(.valueJump), let growth = step.valueGrowth {
      notes.append("▲ values grow \(AnalysisFormat.ratio(growth))")
    }
    return notes
  }

  static func svg(_ trace: ShapeTrace, id: String) -> String {
    var canvas = SVGCanvas()
    canvas.defineHatch(id: "\(id)-hatch", color: FigurePalette.vermillion, background: "#f3b58a")
    let maxValues = max(trace.steps.compactMap(\.values).max() ?? 1, 1)
    let maxParameters = max(trace.steps.map(\.parameters).max() ?? 1, 1)
    let total = trace.totalParameters
    canvas.text(
      "values per sample", x: valuesX, y: 18, size: 12, bold: true, fill: FigurePalette.muted)
    canvas.text(
      "parameters of the layer", x: parametersX, y: 18, size: 12, bold: true,
      fill: FigurePalette.muted)
    canvas.text(
      "Bars on linear scales, each column against its largest entry.", x: valuesX, y: 34, size: 11,
      fill: FigurePalette.muted, italic: true)
    var y = 44.0
    for step in trace.steps {
      let notes = notes(for: step, total: total)
      let rowHeight = 42.0 + 16 * Double(notes.count)
      let jump = step.marks.contains(.parameterJump)
      if jump || step.marks.contains(.flattensLayout) {
        canvas.rect(
          x: 2, y: y, width: width - 4, height: rowHeight - 3, fill: FigurePalette.highlight,
          stroke: FigurePalette.vermillion, strokeWidth: jump ? 1.5 : 1, radius: 3, dashed: !jump)
      } else {
        canvas.line(
          x1: valuesX, y1: y + rowHeight - 2, x2: width - 8, y2: y + rowHeight - 2,
          stroke: FigurePalette.rule)
      }
      // Line 1: which layer, and the shape of what it outputs.
      canvas.raw(
        "<text x=\"\(SVGCanvas.number(valuesX))\" y=\"\(SVGCanvas.number(y + 15))\" font-size=\"13\"><tspan font-weight=\"700\">\(HTMLEscaping.escape(step.name))</tspan><tspan fill=\"\(FigurePalette.muted)\" font-size=\"12\"> \(HTMLEscaping.escape(step.className))</tspan></text>"
      )
      canvas.text(
        AnalysisFormat.sampleShape(step.outputShape), x: width - 8, y: y + 15, size: 12,
        anchor: .end, mono: true)
      // Line 2: the two bars.
      let barY = y + 21
      if let values = step.values {
        bar(
          &canvas, x: valuesX, y: barY, fraction: Double(values) / Double(maxValues),
          label: AnalysisFormat.grouped(values), fill: FigurePalette.sky,
          stroke: FigurePalette.blue,
          labelInside: FigurePalette.ink,
          title:
            "\(step.name): \(AnalysisFormat.grouped(values)) values per sample (\(AnalysisFormat.bytes(values * 4)) as float32)"
        )
      } else {
        canvas.text("unknown", x: valuesX, y: barY + 11, size: 11, fill: FigurePalette.muted)
      }
      if step.parameters > 0 {
        bar(
          &canvas, x: parametersX, y: barY,
          fraction: Double(step.parameters) / Double(maxParameters),
          label: AnalysisFormat.grouped(step.parameters),
          fill: jump ? "url(#\(id)-hatch)" : FigurePalette.orange,
          stroke: jump ? FigurePalette.vermillion : "#9a6a00", labelInside: FigurePalette.ink,
          title: "\(step.name): \(AnalysisFormat.grouped(step.parameters)) parameters")
      } else {
        canvas.text("none", x: parametersX, y: barY + 11, size: 11, fill: FigurePalette.muted)
      }
      for (index, note) in notes.enumerated() {
        canvas.text(
          note, x: valuesX, y: y + 50 + 16 * Double(index), size: 12, bold: true,
          fill: FigurePalette.vermillionText)
      }
      y += rowHeight
    }
    y += 14
    canvas.text(
      "Total: \(AnalysisFormat.grouped(total)) parameters", x: valuesX, y: y, size: 12, bold: true)
    y = canvas.paragraph(
      "\(AnalysisFormat.grouped(trace.totalMultiplyAccumulates)) multiply-accumulates per sample; activations (float32) \(AnalysisFormat.bytes(trace.totalActivationBytes)) in all, the largest tensor \(AnalysisFormat.bytes(trace.peakActivationBytes)).",
      x: valuesX, y: y + 16, width: width - 16, size: 12)
    return canvas.svg(
      id: id, width: width, height: y + 10,
      title: "Shape trace of model \(trace.modelName)",
      description: summarySentence(trace)
        + " Each row is one layer: the left bar is the number of values it outputs per sample, the right bar its parameters, both on linear scales.",
      maxWidth: 640)
  }

  /// A horizontal bar of `fraction` of the column with its number after it, or inside its end when
  /// the bar leaves no room.
  static func bar(
    _ canvas: inout SVGCanvas, x: Double, y: Double, fraction: Double, label: String, fill: String,
    stroke: String,
    labelInside: String, title: String
  ) {
    let length = max(columnWidth * fraction, 1.5)
    canvas.rect(x: x, y: y, width: length, height: 13, fill: fill, stroke: stroke, title: title)
    let labelWidth = SVGCanvas.estimatedWidth(label, size: 11, bold: true)
    if length + 4 + labelWidth <= columnWidth {
      canvas.text(label, x: x + length + 4, y: y + 10.5, size: 11, bold: true)
    } else {
      canvas.raw(
        "<text x=\"\(SVGCanvas.number(x + length - 4))\" y=\"\(SVGCanvas.number(y + 10.5))\" font-size=\"11\" font-weight=\"700\" text-anchor=\"end\" fill=\"\(labelInside)\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">\(HTMLEscaping.escape(label))</text>"
      )
    }
  }

  static func table(_ trace: ShapeTrace) -> String {
    var rows: [[String]] = []
    var highlighted: Set<Int> = []
    for (index, step) in trace.steps.enumerated() {
      let marked = !step.marks.isEmpty
      if step.marks.contains(.parameterJump) || step.marks.contains(.flattensLayout) {
        highlighted.insert(index)
      }
      rows.append([
        (marked ? "▲ " : "") + step.name, step.className, step.outputShape.description,
        step.values.map(AnalysisFormat.grouped) ?? "?",
        step.activationBytes.map(AnalysisFormat.bytes) ?? "?",
        AnalysisFormat.grouped(step.parameters), AnalysisFormat.grouped(step.multiplyAccumulates),
      ])
    }
    return FigureMarkup.table(
      caption:
        "Shape trace of \(trace.modelName) (▲ marks where the values or the parameters jump, or the map is flattened)",
      header: [
        "Layer", "Class", "Output shape", "Values", "Activation (float32)", "Parameters", "MACs",
      ],
      rows: rows,
      footer: [
        "Total", "", "", "", AnalysisFormat.bytes(trace.totalActivationBytes),
        AnalysisFormat.grouped(trace.totalParameters),
        AnalysisFormat.grouped(trace.totalMultiplyAccumulates),
      ], highlightedRows: highlighted)
  }
}
