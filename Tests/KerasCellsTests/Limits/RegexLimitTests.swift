import KerasCells
import Testing

/// `re` matches by recursion: a match that would nest deeper than the cell language's stack
/// allows is refused as ConvBook's limitation, never a crash; short texts match as in CPython.
@Suite struct RegexLimitTests {
  @Test func longMatchIsRefusedNotACrash() {
    let result = KerasSession().run("import re\nre.match('.*', 'a' * 100000)\n")
    #expect(result.error?.type == nil)
    #expect(
      result.error?.message
        == "ConvBook's regular expressions do not match this much text in one match yet (about 10,000 repetitions of a quantifier)"
    )
  }

  @Test func manyShortMatchesRun() {
    let result = KerasSession().run(
      "import re\nprint(len(re.sub(r'\\s+', ' ', 'a  ' * 20000)), len(re.findall('.', 'x' * 5000)))\n"
    )
    #expect(result.error == nil)
    #expect(result.printed(footer: .modern) == "40000 5000\n")
  }
}
