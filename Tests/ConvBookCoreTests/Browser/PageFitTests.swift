import ConvBookCore
import Foundation
import Testing

/// Pages fit the screen: at a phone's 390 px and a laptop's 1280 px, nothing is clipped and the
/// page never scrolls sideways; wide content (summaries, code, tables, equations) scrolls inside
/// its own box, which shows a shadow cue, and figure labels stay inside their figures.
///
/// A copy of each page gets a script (only here, never in built sites) that measures the laid-out
/// page and writes what it found into the DOM, which `--dump-dom` returns.
@Suite struct PageFitTests {
  static let widths = [390, 1280]

  /// The measuring script: a JSON list of problems in `<pre id="fit-report">`.
  static let probe = """
    <script>
    window.addEventListener('load', function () {
      var problems = [];
      var width = document.documentElement.clientWidth;
      function name(element) {
        var text = element.tagName.toLowerCase();
        if (element.id) text += '#' + element.id;
        if (element.className && typeof element.className === 'string') text += '.' + element.className.split(' ').join('.');
        return text;
      }
      function scrolls(element) {
        var overflow = getComputedStyle(element).overflowX;
        return overflow === 'auto' || overflow === 'scroll';
      }
      if (document.documentElement.scrollWidth > width + 1) {
        problems.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + ' px in ' + width + ' px');
      }
      var all = document.body.querySelectorAll('*');
      for (var i = 0; i < all.length; i++) {
        var element = all[i];
        var style = getComputedStyle(element);
        if (style.display === 'none' || element.closest('svg') && element.tagName.toLowerCase() !== 'svg') continue;
        var overflowing = element.clientWidth > 0 && element.scrollWidth > element.clientWidth + 1;
        if (overflowing && (style.overflowX === 'hidden' || style.overflowX === 'clip')) {
          problems.push('clipped: ' + name(element) + ' (' + element.scrollWidth + ' px in ' + element.clientWidth + ' px)');
        }
        if (overflowing && scrolls(element) && style.backgroundImage.indexOf('radial-gradient') < 0) {
          problems.push('scrolls without a cue: ' + name(element));
        }
        var box = element.getBoundingClientRect();
        if (box.width > 0 && (box.right > width + 1 || box.left < -1)) {
          var scroller = element.parentElement;
          while (scroller && !scrolls(scroller)) scroller = scroller.parentElement;
          if (!scroller || scroller.getBoundingClientRect().right > width + 1) {
            problems.push('off the screen: ' + name(element) + ' reaches ' + Math.round(box.right) + ' px of ' + width);
          }
        }
      }
      var summaries = document.querySelectorAll('.output-summary');
      for (var s = 0; s < summaries.length; s++) {
        if (getComputedStyle(summaries[s]).whiteSpace !== 'pre') problems.push('a summary wraps its rows');
      }
      var svgs = document.querySelectorAll('svg');
      for (var f = 0; f < svgs.length; f++) {
        var frame = svgs[f].getBoundingClientRect();
        var labels = svgs[f].querySelectorAll('text');
        for (var t = 0; t < labels.length; t++) {
          var label = labels[t].getBoundingClientRect();
          if (label.width === 0) continue;
          if (label.left < frame.left - 1 || label.right > frame.right + 1 || label.top < frame.top - 1 || label.bottom > frame.bottom + 1) {
            problems.push('figure label outside its figure: "' + labels[t].textContent + '"');
          }
        }
      }
      var report = document.createElement('pre');
      report.id = 'fit-report';
      report.textContent = JSON.stringify(problems);
      document.body.appendChild(report);
    });
    </script>
    """

  /// A course that uses every authoring feature: tables, math, callouts, an image, links.
  static func writeAuthoringCourse(to folder: URL) throws {
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("img"), withIntermediateDirectories: true)
    // A 1x1 PNG.
    let png = Data(
      base64Encoded:
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
    )!
    try png.write(to: folder.appendingPathComponent("img/pixel.png"))
    let wideRow = (1...14).map { "column \($0)" }.joined(separator: " | ")
    let wideRule = (1...14).map { _ in "--:" }.joined(separator: " | ")
    let wideValues = (1...14).map { "\($0 * 1_234_567)" }.joined(separator: " | ")
    try """
    # Shapes and sizes

    ## Output size

    A convolution's output is $\\lfloor (H - k + 2p)/s \\rfloor + 1$ wide, a pooling
    layer's $\\lceil H / s \\rceil$ with `padding="same"`.

    $$
    \\begin{aligned}
    H_{out} &= \\left\\lfloor \\frac{H + 2p - k}{s} \\right\\rfloor + 1 \\\\
    \\text{params} &= k^2 \\cdot C_{in} \\cdot C_{out} + C_{out} = \\sum_{i=1}^{n} w_i \\times \\alpha
    \\end{aligned}
    $$

    | Layer | Output shape | Param # |
    |:------|:------------:|--------:|
    | `Conv2D` | (None, 26, 26, 32) | 320 |
    | **Dense** \\| head | (None, 10) | $k^2$ |

    | \(wideRow) |
    | \(wideRule) |
    | \(wideValues) |

    > [!NOTE]
    > Pooling layers have no parameters.

    > [!TIP]
    > Try `strides=2`.

    > [!IMPORTANT]
    > Count the bias.

    > [!WARNING]
    > `Flatten` multiplies.

    ![a pixel](img/pixel.png)

    ## Next

    Read [same padding](02-padding.md#same-padding) next.

    """.write(to: folder.appendingPathComponent("01-shapes.md"), atomically: true, encoding: .utf8)
    try """
    # Padding

    ## Same padding

    Back to [the output size](01-shapes.md#output-size).

    """.write(to: folder.appendingPathComponent("02-padding.md"), atomically: true, encoding: .utf8)
    // Graph figures: a residual block (narrow) and four branches (wider than a phone).
    try """
    # Graphs

    ```keras keras=2
    from tensorflow import keras
    from tensorflow.keras import layers
    inputs = keras.Input(shape=(16, 16, 8))
    x = layers.Conv2D(8, 3, padding="same", activation="relu")(inputs)
    x = layers.Conv2D(8, 3, padding="same")(x)
    outputs = layers.ReLU()(layers.add([x, inputs]))
    block = keras.Model(inputs, outputs, name="block")
    inputs = keras.Input(shape=(8, 8, 4))
    a = layers.Conv2D(2, 1)(inputs)
    b = layers.Conv2D(2, 3, padding="same")(layers.Conv2D(2, 1)(inputs))
    c = layers.MaxPooling2D(3, strides=1, padding="same")(inputs)
    d = layers.Conv2D(2, 5, padding="same")(layers.Conv2D(2, 1)(inputs))
    inception = keras.Model(inputs, layers.Concatenate()([a, b, c, d]), name="inception")
    ```

    ```figure
    graph(block)
    ```

    ```figure
    graph(inception)
    ```

    """.write(to: folder.appendingPathComponent("03-graphs.md"), atomically: true, encoding: .utf8)
  }

  @Test(.enabled(if: BrowserCheckTests.chromium != nil, "Chromium is not installed"))
  func pagesFitAPhoneAndALaptop() throws {
    let chromium = try #require(BrowserCheckTests.chromium)
    let work = FileManager.default.temporaryDirectory.appendingPathComponent(
      "convbook-fit-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: work) }
    let course = work.appendingPathComponent("course")
    try Self.writeAuthoringCourse(to: course)
    let builder = SiteBuilder(
      runner: LessonRunner(
        figureEvaluator: FigureEvaluator(), exerciseEvaluator: ExerciseCardEvaluator()))
    var pages: [URL] = []
    for (name, lessons) in [
      ("bundled", BrowserCheckTests.repositoryRoot.appendingPathComponent("Lessons")),
      ("authoring", course),
    ] {
      let site = work.appendingPathComponent(name)
      let report = try builder.build(lessonsDirectory: lessons, outputDirectory: site)
      if name == "authoring" {
        #expect(report.failingLessons.isEmpty, "\(report.failingLessons.map(\.diagnostics))")
        let page = try String(
          contentsOf: site.appendingPathComponent("01-shapes.html"), encoding: .utf8)
        for part in [
          "<table>", "<math>", "<math display=\"block\">", "class=\"callout callout-note\"",
          "src=\"img/pixel.png\"", "href=\"02-padding.html#same-padding\"",
        ] {
          #expect(page.contains(part), "01-shapes.html lacks \(part)")
        }
        #expect(
          FileManager.default.fileExists(atPath: site.appendingPathComponent("img/pixel.png").path))
      }
      for page in ["index.html"] + report.lessons.map(\.pageFileName) {
        let original = site.appendingPathComponent(page)
        let probed = site.appendingPathComponent("probe-" + page)
        let html = try String(contentsOf: original, encoding: .utf8)
        try html.replacingOccurrences(of: "</body>", with: Self.probe + "</body>")
          .write(to: probed, atomically: true, encoding: .utf8)
        pages.append(probed)
      }
    }
    for page in pages {
      for width in Self.widths {
        let (dom, log) = try BrowserCheckTests.render(page, chromium: chromium, width: width)
        let console = log.split(separator: "\n").filter { $0.contains(":CONSOLE") }
        #expect(console.isEmpty, "\(page.lastPathComponent) at \(width) px: \(console)")
        guard let start = dom.range(of: "<pre id=\"fit-report\">"),
          let end = dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex)
        else {
          Issue.record("\(page.lastPathComponent) at \(width) px: the probe did not report")
          continue
        }
        let report = dom[start.upperBound..<end.lowerBound]
          .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(
            of: "&gt;", with: ">"
          )
          .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&amp;", with: "&")
        #expect(report == "[]", "\(page.lastPathComponent) at \(width) px: \(report)")
      }
    }
  }
}
