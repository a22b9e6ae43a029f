//! What in a Markdown body must not reach a patient's browser as written:
//! addresses that run a script (`javascript:`, `vbscript:`) or open a
//! document that is not a picture (`data:` other than images), and raw
//! HTML, which a page shows only when the site allows it.

/// True when a link's (or, with `image`, an image's) address would run a
/// script or open a `data:` document that is not a picture. Read as a
/// browser reads it: leading spaces and control characters dropped, tabs
/// and line breaks inside ignored, any letter case.
pub(crate) fn is_unsafe_url(url: &str, image: bool) -> bool {
    let url: String = url
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .take(40)
        .collect::<String>()
        .to_ascii_lowercase();
    if url.starts_with("javascript:") || url.starts_with("vbscript:") {
        return true;
    }
    let Some(data) = url.strip_prefix("data:") else {
        return false;
    };
    let media = data.split([',', ';']).next().unwrap_or("").trim();
    // A linked SVG opened on its own can run its scripts; as an image it cannot.
    !(media.starts_with("image/") && (image || media != "image/svg+xml"))
}

/// True for an HTML comment, which is never written into a page and is
/// not reported: it is a note to whoever edits the file.
pub(crate) fn is_comment(html: &str) -> bool {
    let t = html.trim();
    t.starts_with("<!--") && t.ends_with("-->") && t.matches("<!--").count() == 1
}

/// The names of the tags in `html`, in lower case (`<b>x</b>` → b, b).
pub(crate) fn tag_names(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let name: String = rest
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        if name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            out.push(name.to_ascii_lowercase());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_and_document_addresses_are_unsafe() {
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "  java\tscript:x",
            "\u{1}javascript:x",
            "vbscript:msgbox",
            "data:text/html,<script>x</script>",
            "DATA:,hello",
            "data:image/svg+xml,<svg/>",
        ] {
            assert!(is_unsafe_url(bad, false), "{bad}");
        }
        for good in [
            "https://a.example/javascript:",
            "../exercises/x.md",
            "mailto:a@b.example",
            "data:image/png;base64,AAAA",
            "#javascript:",
        ] {
            assert!(!is_unsafe_url(good, false), "{good}");
        }
        assert!(!is_unsafe_url("data:image/svg+xml,<svg/>", true));
        assert!(is_unsafe_url("data:text/plain,x", true));
    }

    #[test]
    fn comments_and_tag_names() {
        assert!(is_comment("<!-- note -->\n"));
        assert!(!is_comment("<!-- a --><script>x</script><!-- b -->"));
        assert_eq!(
            tag_names("<B>x</b> <br/> a < b <my-tag x=1>"),
            ["b", "b", "br", "my-tag"]
        );
    }
}
