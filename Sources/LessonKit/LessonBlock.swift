/// One piece of a lesson, in document order.
public enum LessonBlock: Sendable, Hashable {
  /// A maximal run of consecutive ordinary top-level blocks, as a `.document` node whose
  /// children are those blocks (its position spans them). Render it with the Markdown renderer.
  case prose(MarkdownNode)
  /// A top-level ```` ```keras ```` block.
  case cell(CodeCell)
  /// A top-level ```` ```exercise ```` block.
  case exercise(ExerciseBlock)
  /// A top-level ```` ```figure ```` block.
  case figure(FigureBlock)
}
