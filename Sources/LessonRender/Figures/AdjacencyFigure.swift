import CNNEngine

/// The flattening-adjacency figure: the H x W positions of the map that enters Flatten with one
/// position (A), its right-hand neighbour (R) and the position below it (D) marked; the flattened
/// vector with their indices and the distances between them; the Dense layer that pays for the
/// vector; and, beside it, what global average pooling makes of the same map.
public enum AdjacencyFigure {
  static let width = 440.0
  static let cell = 30.0

  public static func node(_ adjacency: FlatteningAdjacency, number: Int, caption: String? = nil)
    -> HTMLNode
  {
    let id = FigureIdentifier.make(kind: "adjacency", number: number, models: [adjacency.modelName])
    return FigureMarkup.figure(
      kind: "adjacency", id: id, svg: svg(adjacency, id: id), tables: [table(adjacency)],
      caption: (caption.map { $0 + " " } ?? "") + summarySentence(adjacency))
  }

  /// For a model without Flatten: says so, and shows the model's pooling path instead.
  public static func node(
    noFlattenIn modelName: String, message: String, pooling: GlobalPoolingPath?, number: Int
  ) -> HTMLNode {
    let id = FigureIdentifier.make(kind: "adjacency", number: number, models: [modelName])
    guard let pooling else {
      return FigureMarkup.figure(
        kind: "adjacency", id: id, svg: .text(""), tables: [], caption: message)
    }
    var canvas = SVGCanvas()
    defineArrow(&canvas, id: "\(id)-arrow", color: FigurePalette.ink)
    let headlineBottom = canvas.paragraph(
      "\(modelName) has no Flatten layer: nothing is flattened.", x: 8, y: 20, width: width - 16,
      size: 14, bold: true)
    let bottom = poolingSection(
      &canvas, pooling: pooling, top: headlineBottom + 24, id: id, heading: "Its pooling path",
      reference: nil)
    let description = "\(message). " + poolingSentence(pooling)
    let svg = canvas.svgNode(
      id: id, width: width, height: bottom + 8,
      title: "\(modelName) has no Flatten layer; its global pooling path",
      description: description, maxWidth: 640)
    return FigureMarkup.figure(
      kind: "adjacency", id: id, svg: svg, tables: [],
      caption: message + ". " + poolingSentence(pooling))
  }

  static func summarySentence(_ adjacency: FlatteningAdjacency) -> String {
    let map = adjacency.map
    var text =
      "\(adjacency.flattenLayer) in \(adjacency.modelName) flattens a (\(layoutDescription(map))) map into \(AnalysisFormat.grouped(adjacency.length)) values, index(h, w, c) = \(adjacency.formula)."
    text +=
      " Horizontal neighbours end up \(AnalysisFormat.grouped(adjacency.horizontalDistance)) entries apart, vertical neighbours \(AnalysisFormat.grouped(adjacency.verticalDistance)) entries apart."
    if let reader = adjacency.reader {
      text +=
        " \(reader.name) reads the vector with \(AnalysisFormat.grouped(reader.weights)) weights plus \(AnalysisFormat.grouped(reader.biases)) biases."
    }
    return text + " " + poolingSentence(adjacency.pooling)
  }

  static func poolingSentence(_ pooling: GlobalPoolingPath) -> String {
    var text =
      "Global average pooling turns the \(AnalysisFormat.grouped(pooling.map.channels)) channel maps of \(pooling.map.height) × \(pooling.map.width) into \(AnalysisFormat.grouped(pooling.values)) values, one per channel"
    if let units = pooling.readerUnits, let parameters = pooling.readerParameters {
      text +=
        "; a Dense layer of \(units) units on them needs \(AnalysisFormat.grouped(parameters)) parameters"
    }
    return text + "."
  }

  /// `H=53, W=53, C=64` in the order the shape is written.
  static func layoutDescription(_ map: FeatureMap) -> String {
    map.layout == .channelsLast
      ? "H=\(map.height), W=\(map.width), C=\(map.channels)"
      : "C=\(map.channels), H=\(map.height), W=\(map.width)"
  }

  /// Rows or columns to draw: all of a small axis; the first `lead`, an elision, the last one of a large one.
  static func shownIndices(count: Int, lead: Int) -> [Int?] {
    if count <= lead + 2 { return Array(0..<count) }
    return Array(0..<lead) + [nil, count - 1]
  }

  static func svg(_ adjacency: FlatteningAdjacency, id: String) -> HTMLNode {
    var canvas = SVGCanvas()
    let map = adjacency.map
    canvas.defineHatch(id: "\(id)-hatch", color: FigurePalette.orange, background: "#fbe3b0")
    defineArrow(&canvas, id: "\(id)-arrow", color: FigurePalette.ink)
    defineArrow(&canvas, id: "\(id)-arrow-red", color: FigurePalette.vermillion)
    let anchor = adjacency.anchor
    let right = adjacency.rightNeighbour
    let below = adjacency.neighbourBelow

    // Part 1: the grid of positions.
    let headingBottom = canvas.paragraph(
      "1 · The map entering \(adjacency.flattenLayer): \(AnalysisFormat.sampleShape(map.shape))",
      x: 8, y: 20,
      width: width - 16, size: 14, bold: true)
    let subheadingBottom = canvas.paragraph(
      "H = \(map.height) rows × W = \(map.width) columns, C = \(map.channels) channels at each position",
      x: 8, y: headingBottom + 18, width: width - 16, size: 12, fill: FigurePalette.muted)
    let rows = shownIndices(count: map.height, lead: 3)
    let columns = shownIndices(count: map.width, lead: 4)
    let gridX = 60.0
    let gridY = subheadingBottom + 28
    canvas.text(
      "h↓ w→", x: gridX - 4, y: gridY - 8, size: 11, anchor: .end, fill: FigurePalette.muted)
    for (column, w) in columns.enumerated() {
      canvas.text(
        w.map(String.init) ?? "…", x: gridX + cell * (Double(column) + 0.5), y: gridY - 8, size: 11,
        anchor: .middle, fill: FigurePalette.muted)
    }
    for (row, h) in rows.enumerated() {
      let top = gridY + cell * Double(row)
      canvas.text(
        h.map(String.init) ?? "⋮", x: gridX - 6, y: top + cell / 2 + 4, size: 11, anchor: .end,
        fill: FigurePalette.muted)
      for (column, w) in columns.enumerated() {
        let left = gridX + cell * Double(column)
        guard let h, let w else {
          canvas.text(
            h == nil ? "⋮" : "…", x: left + cell / 2, y: top + cell / 2 + 4, size: 13,
            anchor: .middle, fill: FigurePalette.muted)
          continue
        }
        let position = FlatteningAdjacency.Position(h: h, w: w)
        let marker = self.marker(for: position, anchor: anchor, right: right, below: below)
        canvas.rect(
          x: left + 1, y: top + 1, width: cell - 2, height: cell - 2,
          fill: marker.map { fill(for: $0, id: id) } ?? FigurePalette.panel,
          stroke: marker == nil ? FigurePalette.rule : FigurePalette.ink,
          strokeWidth: marker == nil ? 1 : 1.5,
          title: "position (h=\(h), w=\(w))")
        if let marker {
          letter(&canvas, marker, x: left + cell / 2, y: top + cell / 2 + 5)
        }
      }
    }
    let gridBottom = gridY + cell * Double(rows.count)
    // The key beside the grid: what the letters mean and where they land.
    let keyX = gridX + cell * Double(columns.count) + 18
    var keyY = gridY + 10
    var keyLines: [(String, String, Bool)] = [
      ("A", "(h=\(anchor.h), w=\(anchor.w))", false),
      (
        "", "index \(AnalysisFormat.grouped(adjacency.index(h: anchor.h, w: anchor.w, c: 0)))", true
      ),
    ]
    if let right {
      keyLines.append(("R", "right of A (\(right.h), \(right.w))", false))
      keyLines.append(
        ("", "index \(AnalysisFormat.grouped(adjacency.index(h: right.h, w: right.w, c: 0)))", true)
      )
    }
    if let below {
      keyLines.append(("D", "below A (\(below.h), \(below.w))", false))
      keyLines.append(
        ("", "index \(AnalysisFormat.grouped(adjacency.index(h: below.h, w: below.w, c: 0)))", true)
      )
    }
    for (key, text, isIndex) in keyLines {
      if !key.isEmpty {
        canvas.rect(
          x: keyX, y: keyY - 11, width: 14, height: 14, fill: fill(for: key, id: id),
          stroke: FigurePalette.ink)
        canvas.text(
          key, x: keyX + 7, y: keyY, size: 10, bold: true, anchor: .middle,
          fill: key == "A" ? "#ffffff" : FigurePalette.ink)
      }
      canvas.text(
        text, x: keyX + 20, y: keyY, size: isIndex ? 12 : 12, bold: isIndex, mono: isIndex)
      keyY += isIndex ? 20 : 15
    }
    if adjacency.order == .channelsLast {
      canvas.text(
        "(channel c = 0 of each)", x: keyX + 20, y: keyY, size: 11, fill: FigurePalette.muted)
    } else {
      canvas.text("(channel c = 0)", x: keyX + 20, y: keyY, size: 11, fill: FigurePalette.muted)
    }

    // Part 2: the flattened vector.
    var y = max(gridBottom, keyY) + 30
    y =
      canvas.paragraph(
        "2 · Flattened: one vector of \(AnalysisFormat.grouped(adjacency.length)) values", x: 8,
        y: y, width: width - 16,
        size: 14, bold: true) + 18
    canvas.text(
      "index(h, w, c) = \(adjacency.formula), W = \(map.width), C = \(map.channels)"
        + (adjacency.order == .channelsFirst ? ", H = \(map.height)" : ""),
      x: 8, y: y, size: 12, mono: true)
    y += 16
    y =
      canvas.paragraph(
        (adjacency.order == .channelsLast
          ? "Each box holds the \(AnalysisFormat.grouped(map.channels)) channel values of one position, row after row."
          : "channels_first: channel 0's map row after row, then channel 1's; each box is one value.")
          + " A dashed box stands for the positions elided; the number under it says how many.",
        x: 8, y: y, width: width - 16, size: 12, fill: FigurePalette.muted, italic: true) + 12
    y = vectorStrip(&canvas, adjacency, top: y, id: id)
    canvas.text(
      "Length H·W·C = \(map.height)·\(map.width)·\(map.channels) = \(AnalysisFormat.grouped(adjacency.length))",
      x: 8, y: y, size: 12, bold: true)
    y += 17
    if let reader = adjacency.reader {
      y =
        canvas.paragraph(
          "\(reader.name) (Dense, \(AnalysisFormat.grouped(reader.units)) units) reads the whole vector:",
          x: 8, y: y,
          width: width - 16) + 16
      y =
        canvas.paragraph(
          "\(AnalysisFormat.grouped(adjacency.length)) × \(AnalysisFormat.grouped(reader.units)) = \(AnalysisFormat.grouped(reader.weights)) weights + \(AnalysisFormat.grouped(reader.biases)) biases",
          x: 8, y: y, width: width - 16, bold: true, fill: FigurePalette.vermillionText) + 10
    } else {
      y =
        canvas.paragraph("No Dense layer reads the vector directly.", x: 8, y: y, width: width - 16)
        + 10
    }

    // Part 3: global average pooling of the same map.
    y += 24
    canvas.line(x1: 8, y1: y - 16, x2: width - 8, y2: y - 16, stroke: FigurePalette.rule)
    let bottom = poolingSection(
      &canvas, pooling: adjacency.pooling, top: y, id: id,
      heading: "3 · Global average pooling instead",
      reference: adjacency.reader)
    return canvas.svgNode(
      id: id, width: width, height: bottom + 8,
      title:
        "Where neighbouring positions land when \(adjacency.flattenLayer) flattens the \(AnalysisFormat.sampleShape(map.shape)) map of \(adjacency.modelName)",
      description: gridDescription(adjacency) + " " + summarySentence(adjacency), maxWidth: 640)
  }

  static func gridDescription(_ adjacency: FlatteningAdjacency) -> String {
    let anchor = adjacency.anchor
    var text =
      "A grid of the \(adjacency.map.height) by \(adjacency.map.width) positions, middle rows and columns elided, marks position A at row \(anchor.h), column \(anchor.w), index \(AnalysisFormat.grouped(adjacency.index(h: anchor.h, w: anchor.w, c: 0)))"
    if let right = adjacency.rightNeighbour {
      text +=
        "; R to its right at index \(AnalysisFormat.grouped(adjacency.index(h: right.h, w: right.w, c: 0))), \(AnalysisFormat.grouped(adjacency.horizontalDistance)) entries later"
    }
    if let below = adjacency.neighbourBelow {
      text +=
        "; D below it at index \(AnalysisFormat.grouped(adjacency.index(h: below.h, w: below.w, c: 0))), \(AnalysisFormat.grouped(adjacency.verticalDistance)) entries later"
    }
    return text + "."
  }

  static func marker(
    for position: FlatteningAdjacency.Position, anchor: FlatteningAdjacency.Position,
    right: FlatteningAdjacency.Position?, below: FlatteningAdjacency.Position?
  ) -> String? {
    if position == anchor { return "A" }
    if position == right { return "R" }
    if position == below { return "D" }
    return nil
  }

  /// A solid, a hatched and a light fill: the three marks differ in greyscale and by letter too.
  static func fill(for marker: String, id: String) -> String {
    switch marker {
    case "A": return FigurePalette.blue
    case "R": return "url(#\(id)-hatch)"
    default: return FigurePalette.sky
    }
  }

  static func letter(_ canvas: inout SVGCanvas, _ marker: String, x: Double, y: Double) {
    canvas.text(
      parts: [.text(marker)],
      attributes: SVGCanvas.textAttributes(x: x, y: y, size: 14, bold: true, anchor: .middle)
        + [HTMLAttribute("fill", marker == "A" ? "#ffffff" : FigurePalette.ink)]
        + (marker == "R" ? SVGCanvas.halo(3) : []))
  }

  /// One drawn unit of the vector: a position's block, or an elided run of them.
  enum StripItem: Equatable {
    case position(Int)
    case elided(Int)
  }

  /// The positions to draw in vector order (k = h*W + w): a little before A, A and R and the next
  /// one, the end of A's row, the start of the next and D, with the runs between them elided.
  static func stripItems(_ adjacency: FlatteningAdjacency) -> [StripItem] {
    let width = adjacency.map.width
    let count = adjacency.map.height * width
    let a = adjacency.anchor.h * width + adjacency.anchor.w
    var wanted: Set<Int> = [a - 1, a, a + 1, a + 2]
    if adjacency.neighbourBelow != nil {
      let d = a + width
      wanted.formUnion([d - 2, d - 1, d])
    }
    let shown = wanted.filter { $0 >= 0 && $0 < count }.sorted()
    var items: [StripItem] = []
    var next = 0
    for k in shown {
      if k > next { items.append(.elided(k - next)) }
      items.append(.position(k))
      next = k + 1
    }
    if next < count { items.append(.elided(count - next)) }
    return items
  }

  /// Draws the strip with the distance arcs above it; returns the y below it.
  static func vectorStrip(
    _ canvas: inout SVGCanvas, _ adjacency: FlatteningAdjacency, top: Double, id: String
  ) -> Double {
    let items = stripItems(adjacency)
    let elidedWidth = 30.0
    let spacing = 3.0
    let positions = Double(
      items.filter { if case .position = $0 { return true } else { return false } }.count)
    let elided = Double(items.count) - positions
    let boxWidth = min(
      60, (width - 16 - elided * elidedWidth - spacing * Double(items.count - 1)) / positions)
    let boxTop = top + 82
    let boxHeight = 34.0
    var x = 8.0
    var centers: [Int: Double] = [:]
    let map = adjacency.map
    let anchor = adjacency.anchor
    for item in items {
      switch item {
      case .elided(let run):
        canvas.rect(
          x: x, y: boxTop, width: elidedWidth, height: boxHeight, fill: FigurePalette.paper,
          stroke: FigurePalette.rule, dashed: true)
        canvas.text(
          "…", x: x + elidedWidth / 2, y: boxTop + 21, size: 13, anchor: .middle,
          fill: FigurePalette.muted)
        canvas.text(
          AnalysisFormat.grouped(run), x: x + elidedWidth / 2, y: boxTop + boxHeight + 13, size: 10,
          anchor: .middle, fill: FigurePalette.muted)
        x += elidedWidth + spacing
      case .position(let k):
        let position = FlatteningAdjacency.Position(h: k / map.width, w: k % map.width)
        let marker = self.marker(
          for: position, anchor: anchor, right: adjacency.rightNeighbour,
          below: adjacency.neighbourBelow)
        canvas.rect(
          x: x, y: boxTop, width: boxWidth, height: boxHeight,
          fill: marker.map { fill(for: $0, id: id) } ?? FigurePalette.panel,
          stroke: marker == nil ? FigurePalette.rule : FigurePalette.ink,
          strokeWidth: marker == nil ? 1 : 1.5,
          title:
            "position (h=\(position.h), w=\(position.w)), entries from \(AnalysisFormat.grouped(adjacency.index(h: position.h, w: position.w, c: 0)))"
        )
        if let marker {
          letter(&canvas, marker, x: x + boxWidth / 2, y: boxTop + 15)
        }
        canvas.text(
          parts: [.text("\(position.h),\(position.w)")],
          attributes: SVGCanvas.textAttributes(
            x: x + boxWidth / 2, y: boxTop + (marker == nil ? 21 : 29), size: 10, anchor: .middle)
            + [HTMLAttribute("fill", marker == "A" ? "#ffffff" : FigurePalette.ink)]
            + (marker == "R" ? SVGCanvas.halo(2.5) : []))
        if marker != nil {
          canvas.text(
            AnalysisFormat.grouped(adjacency.index(h: position.h, w: position.w, c: 0)),
            x: x + boxWidth / 2, y: boxTop + boxHeight + 14,
            size: 11, bold: true, anchor: .middle, mono: true)
          centers[k] = x + boxWidth / 2
        }
        x += boxWidth + spacing
      }
    }
    let a = anchor.h * map.width + anchor.w
    if let right = centers[a + 1], let start = centers[a] {
      arc(
        &canvas, from: start, to: right, baseline: boxTop - 2, height: 12, color: FigurePalette.ink,
        id: id)
      canvas.text(
        "+\(AnalysisFormat.grouped(adjacency.horizontalDistance))", x: right + 6, y: boxTop - 6,
        size: 12, bold: true)
    }
    if let below = centers[a + map.width], let start = centers[a] {
      arc(
        &canvas, from: start, to: below, baseline: boxTop - 2, height: 38,
        color: FigurePalette.vermillion, id: id)
      let formula =
        adjacency.order == .channelsLast ? "W·C = \(map.width)·\(map.channels)" : "W = \(map.width)"
      let middle = min(max((start + below) / 2, 150), width - 150)
      canvas.text(
        "D is \(AnalysisFormat.grouped(adjacency.verticalDistance)) entries after A", x: middle,
        y: top + 12, size: 15,
        bold: true, anchor: .middle, fill: FigurePalette.vermillionText)
      canvas.text(
        "(\(formula)), though they touch in the image", x: middle, y: top + 27, size: 11,
        anchor: .middle, fill: FigurePalette.vermillionText)
    }
    return boxTop + boxHeight + 36
  }

  static func defineArrow(_ canvas: inout SVGCanvas, id: String, color: String) {
    canvas.defineArrow(id: id, color: color)
  }

  static func arc(
    _ canvas: inout SVGCanvas, from start: Double, to end: Double, baseline: Double, height: Double,
    color: String, id: String
  ) {
    let middle = (start + end) / 2
    let data =
      "M\(SVGCanvas.number(start)) \(SVGCanvas.number(baseline)) Q\(SVGCanvas.number(middle)) \(SVGCanvas.number(baseline - 2 * height)) \(SVGCanvas.number(end)) \(SVGCanvas.number(baseline))"
    canvas.path(
      data, stroke: color, width: 2,
      markerEnd: "\(id)-arrow\(color == FigurePalette.vermillion ? "-red" : "")")
  }

  /// The pooling half: channel maps, each averaged to one value; returns the y below it.
  static func poolingSection(
    _ canvas: inout SVGCanvas, pooling: GlobalPoolingPath, top: Double, id: String, heading: String,
    reference: FlatteningAdjacency.Reader?
  ) -> Double {
    let map = pooling.map
    let headingBottom = canvas.paragraph(
      heading, x: 8, y: top, width: width - 16, size: 14, bold: true)
    let subheadingBottom = canvas.paragraph(
      "\(pooling.layer ?? pooling.className): each channel's \(map.height) × \(map.width) map becomes its average",
      x: 8, y: headingBottom + 18, width: width - 16, fill: FigurePalette.muted)
    // A stack of channel maps, front one labelled.
    let stackTop = subheadingBottom + 16
    let shownMaps = min(map.channels, 3)
    for layer in stride(from: shownMaps - 1, through: 0, by: -1) {
      let offset = Double(layer) * 8
      canvas.rect(
        x: 14 + offset, y: stackTop + offset, width: 56, height: 56,
        fill: layer == 0 ? "#d7ecf9" : FigurePalette.panel,
        stroke: FigurePalette.blue)
    }
    canvas.text("c = 0", x: 42, y: stackTop + 32, size: 11, anchor: .middle)
    canvas.text(
      "\(AnalysisFormat.grouped(map.channels)) maps", x: 50,
      y: stackTop + 56 + Double(shownMaps - 1) * 8 + 16, size: 11, anchor: .middle,
      fill: FigurePalette.muted)
    // Arrow to the pooled vector.
    let arrowY = stackTop + 36
    canvas.add(
      .empty(
        "path",
        [
          HTMLAttribute("d", "M104 \(SVGCanvas.number(arrowY)) L150 \(SVGCanvas.number(arrowY))"),
          HTMLAttribute("stroke", FigurePalette.ink), HTMLAttribute("stroke-width", "2"),
          HTMLAttribute("marker-end", "url(#\(id)-arrow)"),
        ]))
    canvas.text("mean", x: 126, y: arrowY - 6, size: 11, anchor: .middle, fill: FigurePalette.muted)
    let labels: [String] =
      map.channels <= 5
      ? (0..<map.channels).map { "c\($0)" } : ["c0", "c1", "c2", "…", "c\(map.channels - 1)"]
    var x = 160.0
    for label in labels {
      canvas.rect(
        x: x, y: arrowY - 14, width: 30, height: 28,
        fill: label == "…" ? FigurePalette.paper : "#d7ecf9",
        stroke: label == "…" ? FigurePalette.rule : FigurePalette.blue, dashed: label == "…")
      canvas.text(label, x: x + 15, y: arrowY + 4, size: 10, anchor: .middle)
      x += 32
    }
    canvas.text(
      "\(AnalysisFormat.grouped(pooling.values)) values", x: x + 4, y: arrowY + 4, size: 13,
      bold: true)
    var y = stackTop + 56 + Double(shownMaps - 1) * 8 + 40
    y = canvas.paragraph(
      "One value per channel, whatever H and W are: what a channel found, not where.", x: 8, y: y,
      width: width - 16)
    if let units = pooling.readerUnits, let parameters = pooling.readerParameters {
      y += 18
      var line =
        "A Dense of \(AnalysisFormat.grouped(units)) units on them: \(AnalysisFormat.grouped(map.channels)) × \(AnalysisFormat.grouped(units)) + \(AnalysisFormat.grouped(units)) = \(AnalysisFormat.grouped(parameters)) parameters"
      if let reference { line += " (not \(AnalysisFormat.grouped(reference.parameters)))" }
      y = canvas.paragraph(
        line, x: 8, y: y, width: width - 16, bold: true, fill: FigurePalette.blue)
    }
    return y + 8
  }

  static func table(_ adjacency: FlatteningAdjacency) -> HTMLNode {
    let map = adjacency.map
    let anchor = adjacency.anchor
    var rows: [[String]] = [
      ["Tensor entering \(adjacency.flattenLayer)", map.shape.description],
      ["Layout", map.layout.rawValue + " (H=\(map.height), W=\(map.width), C=\(map.channels))"],
      ["Flatten order", "index(h, w, c) = \(adjacency.formula)"],
      [
        "A = (\(anchor.h), \(anchor.w)), channel 0",
        AnalysisFormat.grouped(adjacency.index(h: anchor.h, w: anchor.w, c: 0)),
      ],
    ]
    if let right = adjacency.rightNeighbour {
      rows.append([
        "R = (\(right.h), \(right.w)), right of A",
        AnalysisFormat.grouped(adjacency.index(h: right.h, w: right.w, c: 0)),
      ])
    }
    if let below = adjacency.neighbourBelow {
      rows.append([
        "D = (\(below.h), \(below.w)), below A",
        AnalysisFormat.grouped(adjacency.index(h: below.h, w: below.w, c: 0)),
      ])
    }
    rows += [
      ["Horizontal neighbours apart", AnalysisFormat.grouped(adjacency.horizontalDistance)],
      ["Vertical neighbours apart", AnalysisFormat.grouped(adjacency.verticalDistance)],
      ["Channels of one position apart", AnalysisFormat.grouped(adjacency.channelDistance)],
      ["Vector length H·W·C", AnalysisFormat.grouped(adjacency.length)],
    ]
    if let reader = adjacency.reader {
      rows.append([
        "\(reader.name) weights (length × \(reader.units))", AnalysisFormat.grouped(reader.weights),
      ])
      rows.append(["\(reader.name) biases", AnalysisFormat.grouped(reader.biases)])
    }
    rows.append([
      "Global average pooling output", AnalysisFormat.grouped(adjacency.pooling.values) + " values",
    ])
    if let parameters = adjacency.pooling.readerParameters,
      let units = adjacency.pooling.readerUnits
    {
      rows.append([
        "Dense of \(units) units after pooling", AnalysisFormat.grouped(parameters) + " parameters",
      ])
    }
    return FigureMarkup.table(
      caption: "Flattening arithmetic of \(adjacency.modelName)", header: ["Quantity", "Value"],
      rows: rows, wraps: true)
  }
}

extension AdjacencyFigure {
  /// The figure's markup (its node written out, with the line break that follows a block).
  public static func html(_ adjacency: FlatteningAdjacency, number: Int, caption: String? = nil)
    -> String
  {
    node(adjacency, number: number, caption: caption).markup + "\n"
  }

  /// For a model without Flatten (see `node(noFlattenIn:...)`).
  public static func html(
    noFlattenIn modelName: String, message: String, pooling: GlobalPoolingPath?, number: Int
  ) -> String {
    node(noFlattenIn: modelName, message: message, pooling: pooling, number: number).markup + "\n"
  }
}
