import CNNEngine

/// The shape-trace figure: one row per tensor of a model's path, with a bar for the values it
/// holds per sample and a bar for the parameters of the layer that made it. Both columns use linear
/// scales, so that a layer holding almost every parameter is one long bar beside slivers; the rows
/// the engine marks (a parameter jump, a flattened layout) are tinted, hatched and labelled. A
/// measured trace adds, under each row, a meter of the share of exact zeros in the layer's output
/// (what ReLUs switch off) and its minimum, mean and maximum as text; the times of the pass are
/// left out, so that a page is the same bytes in every build.
public enum TraceFigure {
  static let width = 440.0
  static let columnWidth = 206.0
  static let valuesX = 8.0
  static let parametersX = 226.0

  public static func node(_ trace: ShapeTrace, number: Int, caption: String? = nil) -> HTMLNode {
    let id = FigureIdentifier.make(kind: "trace", number: number, models: [trace.modelName])
    let svg = svg(trace, id: id)
    return FigureMarkup.figure(
      kind: "trace", id: id, svg: svg, tables: [table(trace)],
      caption: (caption.map { $0 + " " } ?? "") + summarySentence(trace)
        + (statisticsSentence(trace).map { " " + $0 } ?? ""),
      notes: failureNote(trace).map { [$0] } ?? [])
  }

  /// Why a trace that asked for statistics has none; the shapes above it are still the model's.
  static func failureNote(_ trace: ShapeTrace) -> String? {
    guard let failure = trace.measurement?.failure else { return nil }
    return
      "No activation statistics for \(trace.modelName): \(failure). The shapes and counts above need no forward pass."
  }

  /// Where the statistics come from and what they show, for the caption and the SVG description.
  static func statisticsSentence(_ trace: ShapeTrace) -> String? {
    guard let measurement = trace.measurement, trace.isMeasured else { return nil }
    var text =
      measurement.provenance
      + " gave each layer's output its minimum, mean and maximum and the share of values that are exactly zero."
    // A model's inputs (every one of a model with several) are no layers.
    let layers = trace.steps.filter { !$0.isInput && $0.statistics != nil }
    let zeroing = layers.filter { $0.statistics!.zeroFraction >= zeroThreshold }
    let shares = zeroing.map { Double($0.statistics!.zeroFraction) }
    guard let most = zeroing.max(by: { $0.statistics!.zeroFraction < $1.statistics!.zeroFraction }),
      let lowest = shares.min(), let highest = shares.max()
    else {
      return text + " No layer outputs more than a few exact zeros."
    }
    let range =
      lowest == highest
      ? AnalysisFormat.percent(lowest)
      : "between \(AnalysisFormat.percent(lowest)) and \(AnalysisFormat.percent(highest))"
    text +=
      " In \(zeroing.count) of the \(layers.count) layers \(range) of the values are exactly zero, the most in \(most.name)"
    let others = layers.count - zeroing.count
    text +=
      others == 0
      ? "." : "; in the other \(others == 1 ? "layer" : "\(others) layers") hardly any or none."
    return text
  }

  /// Shares of zeros below this are not worth a word in the caption (a softmax or a linear layer
  /// hits zero only by accident).
  static let zeroThreshold: Float = 0.01

  /// What the figure shows, in words: the caption and the SVG's description.
  static func summarySentence(_ trace: ShapeTrace) -> String {
    let total = trace.totalParameters
    let layers = trace.steps.filter { !$0.isInput }.count
    var text = "Shape trace of \(trace.modelName): \(layers) layers, "
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

  static func svg(_ trace: ShapeTrace, id: String) -> HTMLNode {
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
    let measured = trace.isMeasured
    if measured {
      y =
        canvas.paragraph(
          "Under each layer, from one forward pass: the share of its outputs that are exactly zero (the meter runs from 0 to 100%) and their minimum, mean and maximum.",
          x: valuesX, y: 50, width: width - 16, size: 11, fill: FigurePalette.muted, italic: true,
          lineHeight: 14) + 10
    }
    for step in trace.steps {
      let notes = notes(for: step, total: total)
      let statisticsHeight = measured ? 19.0 : 0
      let rowHeight = 42.0 + statisticsHeight + 16 * Double(notes.count)
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
      canvas.text(
        parts: [
          .tag("tspan", ["font-weight": "700"], [.text(step.name)]),
          .tag(
            "tspan", ["fill": FigurePalette.muted, "font-size": "12"],
            [.text(" " + step.className)]),
        ], attributes: SVGCanvas.textAttributes(x: valuesX, y: y + 15, size: 13))
      canvas.text(
        step.sampleShapeText, x: width - 8, y: y + 15, size: 12,
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
      // Line 3: what the pass put in the tensor.
      if let statistics = step.statistics {
        statisticsLine(&canvas, statistics, name: step.name, y: y + 40)
      }
      for (index, note) in notes.enumerated() {
        canvas.text(
          note, x: valuesX, y: y + 50 + statisticsHeight + 16 * Double(index), size: 12, bold: true,
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
    var description =
      summarySentence(trace)
      + " Each row is one layer: the left bar is the number of values it outputs per sample, the right bar its parameters, both on linear scales."
    if let statistics = statisticsSentence(trace) {
      description += " Under each row, its share of exact zeros and its minimum, mean and maximum. "
      description += statistics
    }
    return canvas.svgNode(
      id: id, width: width, height: y + 10,
      title: "Shape trace of model \(trace.modelName)", description: description, maxWidth: 640)
  }

  static let meterWidth = 64.0

  /// A meter of the share of exact zeros (filled from the left, a tick at half) with the share
  /// written after it, and the minimum, mean and maximum right-aligned: the text carries every
  /// number, the meter lets the eye run down the column.
  static func statisticsLine(
    _ canvas: inout SVGCanvas, _ statistics: ActivationStatistics, name: String, y: Double
  ) {
    let share = Double(min(max(statistics.zeroFraction, 0), 1))
    let zeros = AnalysisFormat.percent(share)
    canvas.rect(
      x: valuesX, y: y + 1, width: meterWidth, height: 9, fill: FigurePalette.paper,
      stroke: FigurePalette.muted,
      title: "\(name): \(zeros) of the outputs are exactly zero")
    if share > 0 {
      canvas.rect(
        x: valuesX, y: y + 1, width: max(meterWidth * share, 1), height: 9,
        fill: FigurePalette.purple, stroke: zeroStroke, strokeWidth: 0.75)
    }
    canvas.line(
      x1: valuesX + meterWidth / 2, y1: y - 1, x2: valuesX + meterWidth / 2, y2: y + 12,
      stroke: FigurePalette.ink, width: 0.75)
    canvas.text(
      zeros + " zeros", x: valuesX + meterWidth + 5, y: y + 9.5, size: 11, bold: share > 0)
    // Muted labels, ink numbers, and a dot between the pairs: SVG collapses runs of spaces.
    var parts: [HTMLNode] = []
    let pairs = [
      ("min", statistics.minimum), ("mean", statistics.mean), ("max", statistics.maximum),
    ]
    for (index, (label, value)) in pairs.enumerated() {
      parts.append(.text((index > 0 ? " · " : "") + label + " "))
      parts.append(
        .tag("tspan", ["fill": FigurePalette.ink], [.text(AnalysisFormat.statistic(value))]))
    }
    canvas.text(
      parts: parts,
      attributes: SVGCanvas.textAttributes(
        x: width - 8, y: y + 9.5, size: 11, anchor: .end, fill: FigurePalette.muted))
  }

  /// The purple of the zero meter darkened for its outline, so that a sliver still shows.
  static let zeroStroke = "#8c4a72"

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
      canvas.text(
        parts: [.text(label)],
        attributes: SVGCanvas.textAttributes(
          x: x + length - 4, y: y + 10.5, size: 11, bold: true, anchor: .end)
          + [HTMLAttribute("fill", labelInside)] + SVGCanvas.halo(3))
    }
  }

  static func table(_ trace: ShapeTrace) -> HTMLNode {
    let measured = trace.isMeasured
    var rows: [[String]] = []
    var highlighted: Set<Int> = []
    for (index, step) in trace.steps.enumerated() {
      let marked = !step.marks.isEmpty
      if step.marks.contains(.parameterJump) || step.marks.contains(.flattensLayout) {
        highlighted.insert(index)
      }
      var row = [
        (marked ? "▲ " : "") + step.name, step.className, step.outputShapeText,
        step.values.map(AnalysisFormat.grouped) ?? "?",
        step.activationBytes.map(AnalysisFormat.bytes) ?? "?",
        AnalysisFormat.grouped(step.parameters), AnalysisFormat.grouped(step.multiplyAccumulates),
      ]
      if measured {
        if let statistics = step.statistics {
          row += [
            AnalysisFormat.statistic(statistics.minimum), AnalysisFormat.statistic(statistics.mean),
            AnalysisFormat.statistic(statistics.maximum),
            AnalysisFormat.percent(Double(statistics.zeroFraction)),
          ]
        } else {
          row += ["?", "?", "?", "?"]
        }
      }
      rows.append(row)
    }
    var header = [
      "Layer", "Class", "Output shape", "Values", "Activation (float32)", "Parameters", "MACs",
    ]
    var footer = [
      "Total", "", "", "", AnalysisFormat.bytes(trace.totalActivationBytes),
      AnalysisFormat.grouped(trace.totalParameters),
      AnalysisFormat.grouped(trace.totalMultiplyAccumulates),
    ]
    var caption =
      "Shape trace of \(trace.modelName) (▲ marks where the values or the parameters jump, or the map is flattened)"
    if measured, let measurement = trace.measurement {
      header += ["Min", "Mean", "Max", "Zeros"]
      footer += ["", "", "", ""]
      // Short: a caption wider than the table would be clipped by its scrolling box.
      switch measurement.weights {
      case .initialized:
        caption += "; Min, Mean, Max and Zeros (share of exact zeros): one pass, untrained weights"
      case .loaded(let file):
        caption += "; Min, Mean, Max and Zeros (share of exact zeros): one pass, weights of \(file)"
      }
    }
    return FigureMarkup.table(
      caption: caption, header: header, rows: rows, footer: footer, highlightedRows: highlighted)
  }
}

extension TraceFigure {
  /// The figure's markup (its node written out, with the line break that follows a block).
  public static func html(_ trace: ShapeTrace, number: Int, caption: String? = nil) -> String {
    node(trace, number: number, caption: caption).markup + "\n"
  }
}
