import CNNEngine

/// The comparison figure: for two or more models, one bar each for parameters, multiply-accumulates
/// and activation memory on a common linear scale per panel. The parameter and MAC bars are split
/// into the body (up to the head) and the head (from Flatten or global pooling on), so that it is
/// plain where each model pays.
public enum ComparisonFigure {
  static let width = 440.0
  static let barX = 8.0
  static let barWidth = 424.0

  public static func node(_ comparison: ModelComparison, number: Int, caption: String? = nil)
    -> HTMLNode
  {
    let names = comparison.entries.map(\.modelName)
    let id = FigureIdentifier.make(kind: "compare", number: number, models: names)
    return FigureMarkup.figure(
      kind: "compare", id: id, svg: svg(comparison, id: id),
      tables: [totalsTable(comparison), layersTable(comparison)],
      caption: (caption.map { $0 + " " } ?? "") + summarySentence(comparison))
  }

  static func metricName(_ metric: ModelComparison.Metric) -> String {
    switch metric {
    case .parameters: return "parameters"
    case .multiplyAccumulates: return "multiply-accumulates"
    case .activationBytes: return "activation memory"
    }
  }

  static func formatted(_ metric: ModelComparison.Metric, _ value: Int) -> String {
    metric == .activationBytes ? AnalysisFormat.bytes(value) : AnalysisFormat.grouped(value)
  }

  static func summarySentence(_ comparison: ModelComparison) -> String {
    var parts: [String] = []
    for entry in comparison.entries {
      var text = "\(entry.modelName) has \(AnalysisFormat.grouped(entry.parameters)) parameters"
      if let largest = entry.largestLayer {
        text += " (\(largest.name) holds \(AnalysisFormat.percent(largest.share)) of them)"
      }
      text +=
        ", \(AnalysisFormat.grouped(entry.multiplyAccumulates)) multiply-accumulates and \(AnalysisFormat.bytes(entry.activationBytes)) of activations per sample"
      parts.append(text)
    }
    var sentence = parts.joined(separator: "; ") + "."
    let base = comparison.baselineIndex
    for index in comparison.entries.indices where index != base {
      let ratios = ModelComparison.Metric.allCases.compactMap { metric in
        comparison.ratio(metric, of: index).map {
          AnalysisFormat.ratio($0) + " the " + metricName(metric)
        }
      }
      if !ratios.isEmpty {
        sentence +=
          " \(comparison.entries[index].modelName) needs " + ratios.joined(separator: ", ")
          + " of \(comparison.entries[base].modelName)."
      }
    }
    return sentence
  }

  static func svg(_ comparison: ModelComparison, id: String) -> HTMLNode {
    var canvas = SVGCanvas()
    canvas.defineHatch(id: "\(id)-hatch", color: FigurePalette.vermillion, background: "#f3b58a")
    // The key: body solid, head hatched.
    canvas.rect(
      x: 8, y: 8, width: 14, height: 12, fill: FigurePalette.blue, stroke: FigurePalette.blue)
    canvas.text("body (convolutions, pooling)", x: 27, y: 18, size: 12)
    canvas.rect(
      x: 230, y: 8, width: 14, height: 12, fill: "url(#\(id)-hatch)",
      stroke: FigurePalette.vermillion)
    canvas.text("head (Flatten or pooling on)", x: 249, y: 18, size: 12)
    var y = 44.0
    for metric in ModelComparison.Metric.allCases {
      y = panel(&canvas, comparison, metric: metric, top: y, id: id) + 18
    }
    canvas.text(
      "Linear scales; ratios are against the model with the fewest parameters.", x: 8, y: y - 4,
      size: 11,
      fill: FigurePalette.muted, italic: true)
    let names = comparison.entries.map(\.modelName).joined(separator: ", ")
    return canvas.svgNode(
      id: id, width: width, height: y + 6, title: "Comparison of models \(names)",
      description: summarySentence(comparison)
        + " Three panels of bars, parameters, multiply-accumulates and activation memory, one bar per model; the parameter and multiply-accumulate bars are split into body and head.",
      maxWidth: 640)
  }

  /// One panel of bars; returns the y below it.
  static func panel(
    _ canvas: inout SVGCanvas, _ comparison: ModelComparison, metric: ModelComparison.Metric,
    top: Double, id: String
  ) -> Double {
    let headings: [ModelComparison.Metric: String] = [
      .parameters: "Parameters", .multiplyAccumulates: "Multiply-accumulates per sample",
      .activationBytes: "Activation memory per sample (float32, all layers)",
    ]
    canvas.text(headings[metric] ?? "", x: 8, y: top, size: 14, bold: true)
    let largest = max(comparison.entries.map { comparison.value(metric, of: $0) }.max() ?? 1, 1)
    var y = top + 10
    for (index, entry) in comparison.entries.enumerated() {
      let total = comparison.value(metric, of: entry)
      canvas.text(entry.modelName, x: barX, y: y + 13, size: 12, bold: true)
      let barTop = y + 18
      let length = max(barWidth * Double(total) / Double(largest), 1.5)
      let split: (body: Int, head: Int)? =
        switch metric {
        case .parameters: (entry.bodyParameters, entry.headParameters)
        case .multiplyAccumulates: (entry.bodyMultiplyAccumulates, entry.headMultiplyAccumulates)
        case .activationBytes: nil
        }
      if let split, total > 0 {
        let bodyLength = length * Double(split.body) / Double(total)
        canvas.rect(
          x: barX, y: barTop, width: bodyLength, height: 16, fill: FigurePalette.blue,
          stroke: FigurePalette.blue,
          title: "\(entry.modelName) body: \(formatted(metric, split.body)) \(metricName(metric))")
        canvas.rect(
          x: barX + bodyLength, y: barTop, width: length - bodyLength, height: 16,
          fill: "url(#\(id)-hatch)",
          stroke: FigurePalette.vermillion,
          title: "\(entry.modelName) head: \(formatted(metric, split.head)) \(metricName(metric))")
      } else {
        canvas.rect(
          x: barX, y: barTop, width: length, height: 16, fill: FigurePalette.sky,
          stroke: FigurePalette.blue,
          title: "\(entry.modelName): \(formatted(metric, total)) \(metricName(metric))")
      }
      var label = formatted(metric, total)
      if index != comparison.baselineIndex, let ratio = comparison.ratio(metric, of: index) {
        label += "  (" + AnalysisFormat.ratio(ratio) + ")"
      }
      let labelWidth = SVGCanvas.estimatedWidth(label, size: 12, bold: true)
      if length + 6 + labelWidth <= barWidth {
        canvas.text(label, x: barX + length + 6, y: barTop + 12.5, size: 12, bold: true)
      } else {
        canvas.text(
          parts: [.text(label)],
          attributes: SVGCanvas.textAttributes(
            x: barX + length - 6, y: barTop + 12.5, size: 12, bold: true, anchor: .end, halo: 3.5))
      }
      y = barTop + 20
      if metric == .parameters, let largestLayer = entry.largestLayer {
        canvas.text(
          "largest: \(largestLayer.name) (\(largestLayer.className)), \(AnalysisFormat.percent(largestLayer.share)) of the parameters",
          x: barX, y: y + 9, size: 11,
          fill: largestLayer.share >= 0.5 ? FigurePalette.vermillionText : FigurePalette.muted,
          italic: true)
        y += 14
      }
      y += 4
    }
    return y
  }

  static func totalsTable(_ comparison: ModelComparison) -> HTMLNode {
    let entries = comparison.entries
    let base = comparison.baselineIndex
    var rows: [[String]] = [
      ["Parameters"] + entries.map { AnalysisFormat.grouped($0.parameters) },
      ["Trainable"] + entries.map { AnalysisFormat.grouped($0.trainableParameters) },
      ["Non-trainable"] + entries.map { AnalysisFormat.grouped($0.nonTrainableParameters) },
      ["Body parameters"] + entries.map { AnalysisFormat.grouped($0.bodyParameters) },
      ["Head parameters"]
        + entries.map { entry in
          AnalysisFormat.grouped(entry.headParameters)
            + (entry.headStart.map { " (from \($0))" } ?? "")
        },
      ["Largest layer"]
        + entries.map { entry in
          entry.largestLayer.map { "\($0.name): \(AnalysisFormat.percent($0.share))" } ?? "–"
        },
      ["Multiply-accumulates"] + entries.map { AnalysisFormat.grouped($0.multiplyAccumulates) },
      ["Activation memory (all layers)"] + entries.map { AnalysisFormat.bytes($0.activationBytes) },
      ["Largest tensor"] + entries.map { AnalysisFormat.bytes($0.peakActivationBytes) },
    ]
    for metric in ModelComparison.Metric.allCases {
      rows.append(
        [
          "\(metricName(metric).prefix(1).uppercased() + metricName(metric).dropFirst()) vs \(entries[base].modelName)"
        ]
          + entries.indices.map { index in
            comparison.ratio(metric, of: index).map(AnalysisFormat.ratio) ?? "–"
          })
    }
    return FigureMarkup.table(
      caption: "Totals per model (per sample; ratios against \(entries[base].modelName))",
      header: ["Quantity"] + entries.map(\.modelName), rows: rows)
  }

  static func layersTable(_ comparison: ModelComparison) -> HTMLNode {
    var rows: [[String]] = []
    var highlighted: Set<Int> = []
    for entry in comparison.entries {
      for layer in entry.layers {
        if layer.share >= 0.5 { highlighted.insert(rows.count) }
        rows.append([
          entry.modelName, layer.name, layer.className, AnalysisFormat.grouped(layer.parameters),
          AnalysisFormat.percent(layer.share) + (layer.share >= 0.5 ? " ▲" : ""),
        ])
      }
    }
    return FigureMarkup.table(
      caption: "Parameters per layer (▲ a layer holding half or more of its model's parameters)",
      header: ["Model", "Layer", "Class", "Parameters", "Share"], rows: rows,
      highlightedRows: highlighted)
  }
}

extension ComparisonFigure {
  /// The figure's markup (its node written out, with the line break that follows a block).
  public static func html(_ comparison: ModelComparison, number: Int, caption: String? = nil)
    -> String
  {
    node(comparison, number: number, caption: caption).markup + "\n"
  }
}
