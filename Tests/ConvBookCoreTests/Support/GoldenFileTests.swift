import TestSupport
import Testing

/// The golden-file helper's diff names the first differing line and shows both sides.
@Suite struct GoldenFileTests {
  @Test func theDiffShowsTheChangedLinesWithContext() {
    let diff = GoldenFile.diff(expected: "a\nb\nc\nd\ne\n", actual: "a\nb\nC\nd\ne\n")
    #expect(diff == "@@ line 3 @@\n  a\n  b\n- c\n+ C\n  d\n  e")
  }

  @Test func aLongChangeIsCut() {
    let old = (1...50).map(String.init).joined(separator: "\n")
    let diff = GoldenFile.diff(expected: old, actual: "", limit: 3)
    #expect(diff.contains("- 3\n- ... 47 more lines\n+ "))
  }
}
