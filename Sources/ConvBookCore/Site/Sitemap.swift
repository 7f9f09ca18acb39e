import LessonRender

/// `sitemap.xml` for a course published at `base_url` (course.yml): the index page and every
/// lesson page as absolute URLs, in course order, so that search engines find the lessons. Written
/// only for an absolute `http(s)://` base, since a sitemap may not hold relative URLs; no dates,
/// so that the same course gives the same bytes.
enum Sitemap {
  static let fileName = "sitemap.xml"

  /// nil when `baseURL` is not absolute.
  static func xml(baseURL: String, pages: [String]) -> String? {
    guard baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://") else { return nil }
    let base = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
    var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    text += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
    for page in pages {
      // The index is the folder's own URL.
      let url = base + (page == "index.html" ? "" : SitePath.href(page))
      text += "  <url><loc>\(HTMLEscaping.escapeAttribute(url))</loc></url>\n"
    }
    return text + "</urlset>\n"
  }
}
