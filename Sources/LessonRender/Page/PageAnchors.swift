import Foundation
import LessonKit

/// The `id`s a lesson's page will have, known before it is rendered, so that links from other
/// lessons (`02-padding.md#same-padding`) can be checked: every heading of the prose (the ids
/// ``PageRenderer`` gives them, in the same order), `cell-N` for the N-th cell and
/// `exercise-ID` for each exercise with an `id:`.
public enum PageAnchors {
  public static func anchors(of lesson: Lesson) -> Set<String> {
    var ids = HeadingIDs()
    var anchors: Set<String> = []
    var cellNumber = 0
    func visit(_ node: MarkdownNode) {
      if case .heading = node.kind { anchors.insert(ids.id(for: node.plainText)) }
      for child in node.children { visit(child) }
    }
    for block in lesson.blocks {
      switch block {
      case .prose(let node): visit(node)
      case .cell:
        cellNumber += 1
        anchors.insert("cell-\(cellNumber)")
      case .exercise(let exercise):
        if let fields = try? exercise.parseFields(),
          let id = fields.first(where: { $0.key == "id" })?.text
        {
          anchors.insert("exercise-" + id.trimmingCharacters(in: .whitespaces))
        }
      case .figure: break
      }
    }
    return anchors
  }
}
