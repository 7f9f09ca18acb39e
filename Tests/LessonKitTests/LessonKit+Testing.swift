import LessonKit

extension MarkdownNode {
  /// This node and all its descendants, depth first.
  var allNodes: [MarkdownNode] {
    [self] + children.flatMap(\.allNodes)
  }
}

extension Lesson {
  /// All nodes of all prose blocks.
  var proseNodes: [MarkdownNode] {
    blocks.flatMap { block -> [MarkdownNode] in
      if case .prose(let node) = block { node.allNodes } else { [] }
    }
  }

  /// The inline expressions with their positions.
  var inlineExpressions: [(expression: String, position: SourcePosition)] {
    proseNodes.compactMap { node in
      if case .inlineExpression(let expression, _) = node.kind {
        (expression, node.position)
      } else {
        nil
      }
    }
  }
}
