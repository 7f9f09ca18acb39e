import CNNEngine

/// The receptive field figure: the model's input grid with the pixels one output position of a
/// layer reads (hatched; the part beyond the image, which padding supplies, dashed), and a table
/// of how the field grows layer by layer with its formula.
public enum ReceptiveFieldFigure {
  static let width = 360.0

  public static func node(_ field: ReceptiveField, number: Int, caption: String? = nil) -> HTMLNode
  {
    let id = FigureIdentifier.make(
      kind: "receptive_field", number: number, models: [field.modelName])
    return FigureMarkup.figure(
      kind: "receptive_field", id: id, svg: svg(field, id: id), tables: [table(field)],
      caption: (caption.map { $0 + " " } ?? "") + summarySentence(field))
  }

  static func joined(_ values: [Int]) -> String { values.map(String.init).joined(separator: "×") }

  static func positionText(_ position: [Int]) -> String {
    position.count == 1 ? "\(position[0])" : "(\(position[0]), \(position[1]))"
  }

  static func intervalText(_ field: ReceptiveField) -> String {
    let names = field.intervals.count == 1 ? ["positions"] : ["rows", "columns"]
    return zip(names, field.intervals).map { name, interval in
      "\(name) \(interval.lowerBound)…\(interval.upperBound)"
    }.joined(separator: ", ")
  }

  static func summarySentence(_ field: ReceptiveField) -> String {
    let last = field.steps.last
    var sentence =
      "Output \(positionText(field.position)) of \(field.layerName) reads input \(intervalText(field)) of the \(joined(field.inputSides)) input: a \(joined(last?.size ?? [1])) field"
    let outside = zip(field.intervals, field.inputSides).contains {
      $0.lowerBound < 0 || $0.upperBound >= $1
    }
    if outside { sentence += ", part of it beyond the image (padding)" }
    sentence += "."
    if let last {
      sentence +=
        " Neighbouring outputs' fields are \(joined(last.jump)) pixels apart. Each layer grows the field by (window − 1) × the jump before it."
    }
    return sentence
  }

  static func svg(_ field: ReceptiveField, id: String) -> HTMLNode {
    var canvas = SVGCanvas()
    canvas.defineHatch(id: "\(id)-hatch", color: FigurePalette.vermillion, background: "#f7c9a9")
    let rows = field.inputSides.count == 2 ? field.inputSides[0] : 1
    let columns = field.inputSides[field.inputSides.count - 1]
    let rowInterval = field.intervals.count == 2 ? field.intervals[0] : 0...0
    let columnInterval = field.intervals[field.intervals.count - 1]
    // Room around the image for a field that reaches beyond it.
    let margin = 24.0
    let cell = min(16.0, (width - 16 - 2 * margin) / Double(max(rows, columns)))
    var y = canvas.paragraph(
      "Output \(positionText(field.position)) of \(field.layerName) reads input \(intervalText(field))",
      x: 8, y: 20, width: width - 16, size: 13, bold: true)
    let left = 8 + margin
    let top = y + 10 + margin
    canvas.rect(
      x: left, y: top, width: Double(columns) * cell, height: Double(rows) * cell,
      fill: "#dcecf7", stroke: FigurePalette.blue, strokeWidth: 1)
    if cell >= 5 {
      for column in 1..<max(columns, 1) {
        canvas.line(
          x1: left + Double(column) * cell, y1: top, x2: left + Double(column) * cell,
          y2: top + Double(rows) * cell, stroke: "#9cc3e0", width: 0.5)
      }
      for row in 1..<max(rows, 1) {
        canvas.line(
          x1: left, y1: top + Double(row) * cell, x2: left + Double(columns) * cell,
          y2: top + Double(row) * cell, stroke: "#9cc3e0", width: 0.5)
      }
    }
    // The whole field (dashed where padding supplies it), then the part on the image.
    func clamp(_ value: Double, _ low: Double, _ high: Double) -> Double {
      min(max(value, low), high)
    }
    let fieldLeft = clamp(
      left + Double(columnInterval.lowerBound) * cell, left - margin,
      left + Double(columns) * cell + margin)
    let fieldRight = clamp(
      left + Double(columnInterval.upperBound + 1) * cell, left - margin,
      left + Double(columns) * cell + margin)
    let fieldTop = clamp(
      top + Double(rowInterval.lowerBound) * cell, top - margin, top + Double(rows) * cell + margin)
    let fieldBottom = clamp(
      top + Double(rowInterval.upperBound + 1) * cell, top - margin,
      top + Double(rows) * cell + margin)
    canvas.rect(
      x: fieldLeft, y: fieldTop, width: fieldRight - fieldLeft, height: fieldBottom - fieldTop,
      fill: "none", stroke: FigurePalette.vermillion, strokeWidth: 1.2, dashed: true)
    let insideLeft = max(fieldLeft, left)
    let insideRight = min(fieldRight, left + Double(columns) * cell)
    let insideTop = max(fieldTop, top)
    let insideBottom = min(fieldBottom, top + Double(rows) * cell)
    if insideRight > insideLeft && insideBottom > insideTop {
      canvas.rect(
        x: insideLeft, y: insideTop, width: insideRight - insideLeft,
        height: insideBottom - insideTop, fill: "url(#\(id)-hatch)",
        stroke: FigurePalette.vermillion, strokeWidth: 2,
        title: "the pixels output \(positionText(field.position)) of \(field.layerName) reads")
    }
    y = top + Double(rows) * cell + margin + 16
    canvas.text(
      "input \(joined(field.inputSides)); field \(joined(field.steps.last?.size ?? [1])), hatched; dashed: beyond the image",
      x: 8, y: y, size: 11, fill: FigurePalette.muted)
    return canvas.svgNode(
      id: id, width: width, height: y + 10,
      title: "Receptive field of \(field.layerName) in \(field.modelName)",
      description: summarySentence(field), maxWidth: 540)
  }

  static func table(_ field: ReceptiveField) -> HTMLNode {
    var rows: [[String]] = []
    var size = field.steps.first.map { $0.size.map { _ in 1 } } ?? [1]
    var jump = size
    for step in field.steps {
      let formula = zip(zip(size, jump), step.extent).map { pair, extent in
        "\(pair.0) + (\(extent) − 1)·\(pair.1) = \(pair.0 + (extent - 1) * pair.1)"
      }
      let sameOnEveryAxis = Set(formula).count == 1
      rows.append([
        step.name, step.className, joined(step.extent), joined(step.stride), joined(step.jump),
        joined(step.size), sameOnEveryAxis ? formula[0] : formula.joined(separator: "; "),
      ])
      size = step.size
      jump = step.jump
    }
    return FigureMarkup.table(
      caption:
        "How the field of one output grows, layer by layer (r = r before + (window − 1) · jump before)",
      header: ["Layer", "Class", "Window", "Stride", "Jump", "Field", "r"], rows: rows)
  }
}

extension ReceptiveFieldFigure {
  /// The figure's markup (its node written out, with the line break that follows a block).
  public static func html(_ field: ReceptiveField, number: Int, caption: String? = nil) -> String {
    node(field, number: number, caption: caption).markup + "\n"
  }
}
