/// The readable view of an archived capture: the passages of the text the extractor read that hold a quoted sentence,
/// each under its heading, the sentence marked and the rest left out (see `CaptureExcerpt`), with the address, the digest and the raw capture to download. One page per capture serves both languages (the
/// text is the page's own, in French): the site's words first, the other language's beside them.
struct CapturePageView: Encodable {
    var site: SiteInfo
    var title: String
    var url: String
    var sha256: String
    var raw: String
    var rawName: String
    var rendered: Bool
    /// The other language's words for the page's labels, and its home page.
    var other: CaptureWords
    /// The shown blocks, omission markers among them.
    var blocks: [CaptureMarks.Block]
    /// Whether some of the text was left out: the view then points to the raw copy for the whole page.
    var omitted: Bool
}

/// A capture view's labels in one language.
struct CaptureWords: Encodable {
    var lang: String
    var home: String
    var ranking: String
    var heading: String
    var lede: String
    var ledeWhole: String
    var address: String
    var raw: String
    var rendered: String
    var textLabel: String
    var omission: String
}

extension ViewBuilder {
    /// The view at `path` from the site's root (`captures/<sha256>.html`), `other` the other language's words; `marks`
    /// nil for the page without its text.
    func capturePage(_ capture: Capture, path: String, marks: CaptureMarks?, other: Strings) -> CapturePageView {
        var page = site(path)
        let raw = capture.path ?? ""
        let excerpt = marks.map(CaptureExcerpt.init)
        page.alternate = page.top + other.language.folder + "index.html"
        return CapturePageView(
            site: page, title: strings("capture.title", ["url": capture.url]), url: link(capture.url), sha256: capture.sha256, raw: page.top + raw,
            rawName: String(raw.split(separator: "/").last ?? ""), rendered: capture.rendered,
            other: CaptureWords(
                lang: other.language.rawValue, home: page.top + other.language.folder + "index.html", ranking: text(other("nav.ranking")),
                heading: text(other("capture.heading")), lede: text(other("capture.lede")),
                ledeWhole: text(other("capture.ledeWhole")), address: text(other("capture.address")),
                raw: text(other("capture.raw")), rendered: text(other("capture.rendered")), textLabel: text(other("capture.textLabel")),
                omission: text(other("capture.omission"))),
            blocks: excerpt?.blocks ?? [], omitted: excerpt?.omitted ?? false)
    }
}
