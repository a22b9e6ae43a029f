//! HTML fragments made fit for paper: links taken out, or the plain text.

/// HTML without its `<a>` tags (links lead nowhere on paper, and the sheet
/// lives in another folder than the page they were written for).
pub(crate) fn unlink(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        let tag_end = rest[i..].find('>').map_or(rest.len(), |j| i + j + 1);
        let tag = &rest[i..tag_end];
        if !(tag.starts_with("<a ") || tag.starts_with("<a>") || tag == "</a>") {
            out.push_str(tag);
        }
        rest = &rest[tag_end..];
    }
    out.push_str(rest);
    out
}

/// Text of an HTML fragment, without tags, with the common entities decoded.
pub(crate) fn plain(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    if !out.contains('&') {
        return out;
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_become_text() {
        assert_eq!(
            unlink(r#"Lie <a href="../x.html">on the <em>mat</em></a>."#),
            "Lie on the <em>mat</em>."
        );
        assert_eq!(unlink("<abbr>T</abbr>"), "<abbr>T</abbr>");
        assert_eq!(plain("a &amp; <strong>b</strong>"), "a & b");
    }
}
