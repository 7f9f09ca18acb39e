import CNNEngine

/// The graph figure: a model's layers as boxes (name, class, output shape) with arrows along the
/// data flow, as `keras.utils.plot_model(show_shapes=True)` draws it, without Graphviz. A merge
/// (`Add`, `Concatenate`, ...) is a tinted box with its operation in a badge, every input's arrow
/// ending on it; a model used as a layer is one box with a double border; a chain is a column. A
/// wide graph keeps its text readable: it shrinks to 80% at most and then scrolls in its own box.
public enum GraphFigure {
  /// The narrowest the drawing may be scaled to, as a share of its natural width.
  static let minimumScale = 0.8

  public static func node(_ graph: LayerGraph, number: Int, caption: String? = nil) -> HTMLNode {
    let id = FigureIdentifier.make(kind: "graph", number: number, models: [graph.modelName])
    return FigureMarkup.figure(
      kind: "graph", id: id,
      svg: .tag("div", ["class": "figure-scroll"], [.newline, svg(graph, id: id), .newline]),
      tables: [table(graph)],
      caption: (caption.map { $0 + " " } ?? "") + summarySentence(graph))
  }

  /// The operation a merge's badge shows.
  static func symbol(_ node: LayerGraph.Node) -> String {
    switch node.className {
    case "Add": return "+"
    case "Subtract": return "−"
    case "Multiply": return "×"
    case "Average": return "avg"
    case "Maximum": return "max"
    case "Minimum": return "min"
    case "Concatenate": return "‖"
    case "Dot": return "·"
    default:
      // tf-keras names operator layers after the operation: tf.__operators__.add, tf.math.multiply.
      let name = node.name.lowercased()
      if name.contains("add") { return "+" }
      if name.contains("sub") { return "−" }
      if name.contains("mul") { return "×" }
      if name.contains("concat") { return "‖" }
      return "∘"
    }
  }

  /// What a merge does with its inputs, in words.
  static func verb(_ node: LayerGraph.Node) -> String {
    switch symbol(node) {
    case "+": return "adds"
    case "−": return "subtracts"
    case "×": return "multiplies"
    case "avg": return "averages"
    case "max": return "takes the maximum of"
    case "min": return "takes the minimum of"
    case "‖": return "concatenates"
    default: return "merges"
    }
  }

  static func classLine(_ node: LayerGraph.Node) -> String {
    let place = node.inModel.map { " in \($0)" } ?? ""
    guard let count = node.nestedLayerCount, node.role == .model else {
      return node.className + place
    }
    return "\(node.className), \(count) layer\(count == 1 ? "" : "s")" + place
  }

  static func inputNames(_ node: LayerGraph.Node, in graph: LayerGraph) -> [String] {
    node.inputs.map { graph.nodes[$0].name }
  }

  /// One sentence per merge and nested model, after the size of the graph.
  static func summarySentence(_ graph: LayerGraph) -> String {
    let layers = graph.nodes.filter { $0.role != .input }.count
    let merges = graph.nodes.filter { $0.role == .merge }
    var sentence = "\(graph.modelName): \(layers) layer call\(layers == 1 ? "" : "s")"
    if graph.isChain {
      sentence +=
        " in one chain, from \(graph.nodes.first?.name ?? "") to \(graph.nodes.last?.name ?? "")."
    } else {
      let rows = (graph.ranks.max() ?? 0) + 1
      sentence +=
        " in \(rows) rows, \(merges.count) merge\(merges.count == 1 ? "" : "s")."
    }
    for merge in merges {
      let names = inputNames(merge, in: graph)
      sentence +=
        " \(merge.name) (\(merge.className)) \(verb(merge)) \(listed(names)), giving \(AnalysisFormat.sampleShape(merge.outputShape))."
    }
    for nested in graph.nodes where nested.role == .model {
      sentence += " \(nested.name) is a \(classLine(nested)) model used as one layer."
    }
    return sentence
  }

  static func listed(_ names: [String]) -> String {
    switch names.count {
    case 0: return "nothing"
    case 1: return names[0]
    case 2: return names[0] + " and " + names[1]
    default: return names.dropLast().joined(separator: ", ") + " and " + names.last!
    }
  }

  /// The drawing as a file of its own (`convbook graph --out FILE.svg`): the same drawing as the
  /// page's figure, at its natural size on a white background, with an XML declaration.
  public static func standaloneSVG(_ graph: LayerGraph) -> String {
    let id = FigureIdentifier.make(kind: "graph", number: 1, models: [graph.modelName])
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      + svg(graph, id: id, standalone: true).markup + "\n"
  }

  static func svg(_ graph: LayerGraph, id: String, standalone: Bool = false) -> HTMLNode {
    let layout = GraphLayout(graph)
    var canvas = SVGCanvas()
    // Edges first, so that boxes sit on top of their ends.
    for (target, node) in graph.nodes.enumerated() {
      let incoming = layout.edges.indices.filter { layout.edges[$0].to == target }
        .sorted { left, right in
          let a = arrivalOrderKey(layout, edge: left)
          let b = arrivalOrderKey(layout, edge: right)
          return a != b ? a < b : left < right
        }
      let spread = min(28.0, (GraphLayout.boxWidth - 40) / Double(max(incoming.count, 1)))
      for (order, edge) in incoming.enumerated() {
        let arrival =
          layout.centre(ofNode: target) + (Double(order) - Double(incoming.count - 1) / 2) * spread
        let color = node.role == .merge ? FigurePalette.vermillion : FigurePalette.muted
        canvas.path(pathData(layout.points(of: edge, arrival: arrival)), stroke: color, width: 1.5)
        let tip = GraphLayout.top(ofRow: layout.nodeSlots[target].row)
        canvas.path(
          "M\(SVGCanvas.number(arrival - 4.5)) \(SVGCanvas.number(tip - 8))L\(SVGCanvas.number(arrival + 4.5)) \(SVGCanvas.number(tip - 8))L\(SVGCanvas.number(arrival)) \(SVGCanvas.number(tip))Z",
          stroke: color, width: 1, fill: color)
      }
    }
    for (index, node) in graph.nodes.enumerated() {
      box(
        &canvas, node, graph: graph, centre: layout.centre(ofNode: index),
        top: GraphLayout.top(ofRow: layout.nodeSlots[index].row))
    }
    let width = max(layout.width, GraphLayout.boxWidth + 2 * GraphLayout.margin)
    return canvas.svgNode(
      id: id, width: width, height: layout.height, title: "Layer graph of model \(graph.modelName)",
      description: summarySentence(graph)
        + " Each box is one layer call with its name, class and output shape; arrows run from a layer to the layers that read its output.",
      maxWidth: width, minWidth: (width * minimumScale).rounded(), background: standalone,
      fixedSize: standalone)
  }

  /// Incoming edges end left to right in the order their sources (or last passages) stand.
  static func arrivalOrderKey(_ layout: GraphLayout, edge: Int) -> Double {
    let points = layout.points(of: edge, arrival: 0)
    return points[points.count - 2].x
  }

  /// Straight where the edge runs down a passage, an S-curve between rows.
  static func pathData(_ points: [(x: Double, y: Double)]) -> String {
    guard let first = points.first else { return "" }
    var data = "M\(SVGCanvas.number(first.x)) \(SVGCanvas.number(first.y))"
    for (from, to) in zip(points, points.dropFirst()) {
      if from.x == to.x {
        data += "L\(SVGCanvas.number(to.x)) \(SVGCanvas.number(to.y))"
      } else {
        let middle = (from.y + to.y) / 2
        data +=
          "C\(SVGCanvas.number(from.x)) \(SVGCanvas.number(middle)) \(SVGCanvas.number(to.x)) \(SVGCanvas.number(middle)) \(SVGCanvas.number(to.x)) \(SVGCanvas.number(to.y))"
      }
    }
    return data
  }

  static func box(
    _ canvas: inout SVGCanvas, _ node: LayerGraph.Node, graph: LayerGraph, centre: Double,
    top: Double
  ) {
    let left = centre - GraphLayout.boxWidth / 2
    let width = GraphLayout.boxWidth
    let height = GraphLayout.boxHeight
    var tooltip = "\(node.name) (\(classLine(node))), output \(node.outputShape)"
    if node.parameters > 0 { tooltip += ", \(AnalysisFormat.grouped(node.parameters)) parameters" }
    if !node.inputs.isEmpty { tooltip += ", reads \(listed(inputNames(node, in: graph)))" }
    var textLeft = left + 9
    switch node.role {
    case .input:
      canvas.rect(
        x: left, y: top, width: width, height: height, fill: FigurePalette.panel,
        stroke: FigurePalette.muted, strokeWidth: 1.2, radius: 14, title: tooltip)
    case .layer:
      canvas.rect(
        x: left, y: top, width: width, height: height, fill: FigurePalette.paper,
        stroke: FigurePalette.blue, strokeWidth: 1.5, radius: 4, title: tooltip)
    case .merge:
      canvas.rect(
        x: left, y: top, width: width, height: height, fill: FigurePalette.highlight,
        stroke: FigurePalette.vermillion, strokeWidth: 2.2, radius: 4, title: tooltip)
      let symbol = symbol(node)
      canvas.circle(
        x: left + 19, y: top + height / 2, radius: 12, fill: FigurePalette.paper,
        stroke: FigurePalette.vermillion, strokeWidth: 1.5)
      canvas.text(
        symbol, x: left + 19, y: top + height / 2 + (symbol.count == 1 ? 5.5 : 3.5),
        size: symbol.count == 1 ? 16 : 9.5, bold: true, anchor: .middle,
        fill: FigurePalette.vermillionText)
      textLeft = left + 38
    case .model:
      canvas.rect(
        x: left, y: top, width: width, height: height, fill: FigurePalette.paper,
        stroke: FigurePalette.purple, strokeWidth: 1.5, radius: 4, title: tooltip)
      canvas.rect(
        x: left + 3.5, y: top + 3.5, width: width - 7, height: height - 7, fill: "none",
        stroke: FigurePalette.purple, strokeWidth: 1, radius: 2)
      textLeft = left + 11
    }
    let room = left + width - 7 - textLeft
    canvas.text(
      fitted(node.name, width: room, size: 12, bold: true), x: textLeft, y: top + 17, size: 12,
      bold: true)
    canvas.text(
      fitted(classLine(node), width: room, size: 11), x: textLeft, y: top + 32, size: 11,
      fill: FigurePalette.muted)
    canvas.text(
      fitted(node.outputShape.description, width: room, size: 11, mono: true), x: textLeft,
      y: top + 47, size: 11, mono: true)
  }

  /// `text`, cut with an ellipsis if it would not fit in `width` (the box's tooltip and the
  /// table keep the whole of it).
  static func fitted(
    _ text: String, width: Double, size: Double, bold: Bool = false, mono: Bool = false
  ) -> String {
    func measure(_ text: String) -> Double {
      mono
        ? Double(text.count) * size * 0.61 : SVGCanvas.estimatedWidth(text, size: size, bold: bold)
    }
    guard measure(text) > width else { return text }
    var kept = text
    while !kept.isEmpty && measure(kept + "…") > width { kept.removeLast() }
    return kept + "…"
  }

  static func table(_ graph: LayerGraph) -> HTMLNode {
    let rows = graph.nodes.map { node in
      [
        node.name, classLine(node), node.outputShape.description,
        node.inputs.isEmpty ? "–" : inputNames(node, in: graph).joined(separator: ", "),
        AnalysisFormat.grouped(node.parameters),
      ]
    }
    return FigureMarkup.table(
      caption: "Layer calls of \(graph.modelName) in the order a forward pass runs them",
      header: ["Layer", "Class", "Output shape", "Reads", "Parameters"], rows: rows,
      highlightedRows: Set(graph.nodes.indices.filter { graph.nodes[$0].role == .merge }))
  }
}

extension GraphFigure {
  /// The figure's markup (its node written out, with the line break that follows a block).
  public static func html(_ graph: LayerGraph, number: Int, caption: String? = nil) -> String {
    node(graph, number: number, caption: caption).markup + "\n"
  }
}
