/// Draws a figure from its data: the one place that maps each kind of figure data to its figure.
public enum FigureRenderer {
  /// The `<figure>` element; nil when the figure has no data (its error is shown instead).
  public static func node(_ view: FigureView) -> HTMLNode? {
    guard let data = view.data else { return nil }
    switch data {
    case .trace(let trace):
      return TraceFigure.node(trace, number: view.number, caption: view.caption)
    case .adjacency(let adjacency):
      return AdjacencyFigure.node(adjacency, number: view.number, caption: view.caption)
    case .noFlatten(let modelName, let message, let pooling):
      return AdjacencyFigure.node(
        noFlattenIn: modelName, message: message, pooling: pooling, number: view.number)
    case .comparison(let comparison):
      return ComparisonFigure.node(comparison, number: view.number, caption: view.caption)
    case .scaling(let scaling):
      return ScalingFigure.node(scaling, number: view.number, caption: view.caption)
    case .graph(let graph):
      return GraphFigure.node(graph, number: view.number, caption: view.caption)
    case .convolution(let diagram):
      return ConvolutionFigure.node(diagram, number: view.number, caption: view.caption)
    case .receptiveField(let field):
      return ReceptiveFieldFigure.node(field, number: view.number, caption: view.caption)
    }
  }

  /// The figure's markup, followed by a line break as every block is; empty without data.
  public static func html(_ view: FigureView) -> String {
    node(view).map { $0.markup + "\n" } ?? ""
  }
}
