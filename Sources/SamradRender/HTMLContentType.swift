import Mustache
import SamradCore

/// How `{{name}}` escapes: the characters and replacements of swift-mustache's own HTML
/// content type (& < > " ' → &amp; &lt; &gt; &quot; &#39;), done on UTF-8 bytes and
/// returning the string itself when nothing needs escaping, which is nearly always.
/// The library's default escapes one `Character` at a time through a dictionary, and that
/// was a sixth of a 2,000-meeting build (BENCHMARKS.md). Registered with the library's
/// documented extension point (`MustacheContentTypes.register`) and selected per template
/// by the `{{% CONTENT_TYPE: samrad-html}}` pragma that `TemplateSet.compile` puts on a
/// line of its own before each template (a standalone pragma line renders nothing).
///
/// One difference, on the safe side: an `&` followed by a combining mark is one
/// `Character`, which the library's lookup does not match; it is escaped here.
struct SamradHTMLContentType: MustacheContentType {
    static let name = "samrad-html"
    /// The line `TemplateSet.compile` puts before every template.
    static let pragma = "{{% CONTENT_TYPE: \(name)}}\n"

    func escapeText(_ text: String) -> String { text.htmlEscaped }

    /// Registers the content type once; templates that name it must be parsed after.
    static let registered: Bool = {
        MustacheContentTypes.register(SamradHTMLContentType(), named: name)
        return true
    }()
}
