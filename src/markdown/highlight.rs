//! Syntax highlighting of fenced code with syntect: CSS classes (`hl-…`),
//! the syntax set loaded on the first page that has code.

use super::html_escape;
use std::collections::HashMap;
use std::sync::OnceLock;

static SYNTAXES: OnceLock<syntect::parsing::SyntaxSet> = OnceLock::new();

/// Highlights code with CSS classes (`hl-…`); the syntax set loads on first use only.
pub(crate) fn highlight(lang: &str, src: &str) -> String {
    use syntect::html::{line_tokens_to_classed_spans, ClassStyle};
    use syntect::parsing::{ParseState, ScopeStack};
    let escaped = || format!("<pre><code>{}</code></pre>\n", html_escape(src));
    if lang.is_empty() {
        return escaped();
    }
    let set = SYNTAXES.get_or_init(syntect::parsing::SyntaxSet::load_defaults_newlines);
    let Some(syntax) = set.find_syntax_by_token(lang) else {
        return escaped();
    };
    let style = ClassStyle::SpacedPrefixed { prefix: "hl-" };
    let mut state = ParseState::new(syntax);
    let mut scopes = ScopeStack::new();
    let mut html = String::new();
    let mut open: isize = 0;
    for line in syntect::util::LinesWithEndings::from(src) {
        let Some(ops) = parse_line(&mut state, line, set) else {
            return escaped();
        };
        let Ok((spans, delta)) = line_tokens_to_classed_spans(line, &ops, style, &mut scopes)
        else {
            return escaped();
        };
        open += delta;
        html.push_str(&spans);
    }
    for _ in 0..open {
        html.push_str("</span>");
    }
    format!(
        "<pre class=\"code\" data-lang=\"{}\"><code>{}</code></pre>\n",
        html_escape(lang),
        html
    )
}

/// The parser's output for one line (parsing is the slow part of
/// highlighting).
type LineOps = Vec<(usize, syntect::parsing::ScopeStackOp)>;

/// Parses one line, reusing an earlier parse of the same line from the same
/// parser state: lines of code blocks repeat across pages (`sets: 2`).
fn parse_line(
    state: &mut syntect::parsing::ParseState,
    line: &str,
    set: &syntect::parsing::SyntaxSet,
) -> Option<LineOps> {
    use std::cell::RefCell;
    type Seen = HashMap<
        String,
        Vec<(
            syntect::parsing::ParseState,
            LineOps,
            syntect::parsing::ParseState,
        )>,
    >;
    thread_local! {
        static SEEN: RefCell<Seen> = RefCell::new(HashMap::new());
    }
    let known = SEEN.with(|seen| {
        let seen = seen.borrow();
        seen.get(line)?
            .iter()
            .find(|(before, _, _)| before == state)
            .map(|(_, ops, after)| (ops.clone(), after.clone()))
    });
    if let Some((ops, after)) = known {
        *state = after;
        return Some(ops);
    }
    let before = state.clone();
    let ops = state.parse_line(line, set).ok()?;
    SEEN.with(|seen| {
        let mut seen = seen.borrow_mut();
        if seen.len() > 2_000 {
            seen.clear();
        }
        seen.entry(line.to_string())
            .or_default()
            .push((before, ops.clone(), state.clone()));
    });
    Some(ops)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_yaml_with_classes() {
        let h = highlight("yaml", "title: Wall angels\n");
        assert!(h.contains("class=\"hl-"), "{h}");
        assert!(highlight("", "<b>").contains("&lt;b&gt;"));
    }
}
