import LessonRender
import Testing

/// Heading ids: slugs made unique with `-1`, `-2`, ... in the order headings come.
@Suite struct HeadingIDsTests {
  @Test func repeatedAndCollidingHeadingsGetTheFirstFreeSuffix() {
    var ids = HeadingIDs()
    let texts = ["Intro", "intro", "Intro 1", "Intro", "Intro-2", "Intro", "!!", "?", "Intro"]
    #expect(
      texts.map { ids.id(for: $0) }
        == [
          "intro", "intro-1", "intro-1-1", "intro-2", "intro-2-1", "intro-3", "section",
          "section-1", "intro-4",
        ])
  }

  /// A lesson of 50,000 identical headings (a hostile input): the suffix search started from 1
  /// for each, n² lookups that kept `convbook build` busy for minutes. Each id is still the
  /// first free one.
  @Test func manyIdenticalHeadingsAreNumberedInOrder() {
    var ids = HeadingIDs()
    let made = (0..<50_000).map { _ in ids.id(for: "h") }
    #expect(made.first == "h")
    #expect(made[1] == "h-1")
    #expect(made.last == "h-49999")
    #expect(Set(made).count == made.count)
  }
}
