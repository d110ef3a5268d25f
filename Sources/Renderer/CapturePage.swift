/// The readable view of an archived capture: the text the extractor read, headings kept, each quoted sentence marked,
/// with the address, the digest and the raw capture to download.
struct CapturePageView: Encodable {
    var site: SiteInfo
    var title: String
    var url: String
    var sha256: String
    var raw: String
    var rawName: String
    var rendered: Bool
    var blocks: [CaptureMarks.Block]
}

extension ViewBuilder {
    func capturePage(_ capture: Capture, path: String, marks: CaptureMarks) -> CapturePageView {
        let page = site(path)
        let raw = capture.path ?? ""
        return CapturePageView(
            site: page, title: strings("capture.title", ["url": capture.url]), url: link(capture.url), sha256: capture.sha256, raw: page.top + raw,
            rawName: String(raw.split(separator: "/").last ?? ""), rendered: capture.rendered, blocks: marks.blocks)
    }
}
