import LessonRender
import Testing

@Suite("HTML escaping")
struct HTMLEscapingTests {
  @Test func textEscapingMatchesCmark() {
    #expect(
      HTMLEscaping.escape(#"a < b > c & "d" 'e'"#) == "a &lt; b &gt; c &amp; &quot;d&quot; 'e'")
    #expect(HTMLEscaping.escape("plain ünïcode 🧠") == "plain ünïcode 🧠")
    #expect(HTMLEscaping.escape("") == "")
  }

  @Test func attributeEscapingAlsoEscapesApostrophes() {
    #expect(HTMLEscaping.escapeAttribute(#"<'&">"#) == "&lt;&#39;&amp;&quot;&gt;")
  }

  @Test func urlEscapingMatchesCmark() {
    #expect(
      HTMLEscaping.escapeURL("https://x.org/a?b=1&c='2'#f")
        == "https://x.org/a?b=1&amp;c=&#x27;2&#x27;#f")
    #expect(
      HTMLEscaping.escapeURL("a b\"<>[]\\^`{|}ü") == "a%20b%22%3C%3E%5B%5D%5C%5E%60%7B%7C%7D%C3%BC")
    #expect(HTMLEscaping.escapeURL("-_.+!*(),%#@?=;:/$~Az09") == "-_.+!*(),%#@?=;:/$~Az09")
  }
}
