//! Hints for the YAML slips people make most in front-matter: a value with
//! `: ` in it left unquoted, tabs for indenting, a list item without a space
//! after `-`, a quote never closed. The parser's own words ("mapping values
//! are not allowed in this context") do not say what to type instead.

/// What to tell the author, and where: the 1-based line and column in the
/// front-matter text, and the field that line belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Hint {
    pub(crate) line: usize,
    pub(crate) col: usize,
    pub(crate) field: String,
    pub(crate) help: String,
}

/// A hint for the syntax error `message` found at 1-based `line` of `fm`.
pub(crate) fn hint(fm: &str, line: usize, message: &str) -> Option<Hint> {
    let lines: Vec<&str> = fm.lines().collect();
    if message.contains("cannot start any token") || message.contains("tab") {
        if let Some(h) = tab(&lines) {
            return Some(h);
        }
    }
    if message.contains("mapping values are not allowed") {
        if let Some(h) = lines.get(line.wrapping_sub(1)).and_then(|l| colon(l, line)) {
            return Some(h);
        }
    }
    for (open, close) in [('[', ']'), ('{', '}')] {
        if message.contains(&format!("',' or '{close}'")) {
            if let Some(h) = unclosed_bracket(&lines, open, close) {
                return Some(h);
            }
        }
    }
    unclosed_quote(&lines)
        .or_else(|| dash(&lines))
        .or_else(|| tab(&lines))
}

/// The top-level field that 1-based `line` of `fm` belongs to: the
/// nearest unindented `key:` at or above it (empty when there is none).
pub(crate) fn field_at(fm: &str, line: usize) -> String {
    let lines: Vec<&str> = fm.lines().take(line.max(1)).collect();
    lines
        .iter()
        .rev()
        .filter(|l| !l.starts_with([' ', '\t', '-', '#']))
        .map(|l| key_of(l))
        .find(|k| !k.is_empty())
        .unwrap_or_default()
}

/// The key a line sets (`title` for `title: x`, `- name: x` → `name`).
fn key_of(text: &str) -> String {
    let t = text.trim_start_matches([' ', '-']);
    match t.split_once(':') {
        Some((k, _)) if !k.contains(['"', '\'', ' ']) => k.to_string(),
        _ => String::new(),
    }
}

fn tab(lines: &[&str]) -> Option<Hint> {
    let (i, l) = lines
        .iter()
        .enumerate()
        .find(|(_, l)| l.trim_start_matches(' ').starts_with('\t'))?;
    Some(Hint {
        line: i + 1,
        col: l.find('\t').map_or(1, |c| c + 1),
        field: key_of(l.trim_start()),
        help: "YAML does not allow tabs for indenting: indent with spaces (two for each level); most editors can turn tabs into spaces".into(),
    })
}

fn colon(text: &str, line: usize) -> Option<Hint> {
    let (key, value) = text.split_once(": ")?;
    let value = value.trim();
    if !value.contains(": ") || value.starts_with(['"', '\'', '[', '{']) {
        return None;
    }
    let escaped = value.replace('\\', "\\\\").replace('"', "\\\"");
    Some(Hint {
        line,
        col: key.len() + 3,
        field: key.trim_start_matches([' ', '-']).to_string(),
        help: format!("a value with `: ` in it must be in quotes: `{key}: \"{escaped}\"`"),
    })
}

fn unclosed_quote(lines: &[&str]) -> Option<Hint> {
    for (i, l) in lines.iter().enumerate() {
        let Some((key, value)) = l.split_once(':') else {
            continue;
        };
        let value = value.trim_start();
        let Some(q) = value.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            continue;
        };
        if closes(&value[1..], q) {
            continue;
        }
        let col = l.len() - value.len() + 1;
        return Some(Hint {
            line: i + 1,
            col,
            field: key.trim_start_matches([' ', '-']).to_string(),
            help: format!("the quote {q} opened here is never closed: end the value with {q} on the same line"),
        });
    }
    None
}

/// The first line whose value opens `open` and never closes it on that line.
fn unclosed_bracket(lines: &[&str], open: char, close: char) -> Option<Hint> {
    lines.iter().enumerate().find_map(|(i, l)| {
        let (key, value) = l.split_once(':')?;
        let value = value.trim_start();
        if !value.starts_with(open) || value.matches(open).count() <= value.matches(close).count() {
            return None;
        }
        let what = if open == '[' { "list" } else { "group of fields" };
        Some(Hint {
            line: i + 1,
            col: l.len() - value.len() + 1,
            field: key.trim_start_matches([' ', '-']).to_string(),
            help: format!("the `{open}` opened here is never closed: end the {what} with `{close}` on the same line"),
        })
    })
}

/// True when `rest` (what follows an opening quote `q`) has its closing quote.
fn closes(rest: &str, q: char) -> bool {
    let mut chars = rest.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if q == '"' => {
                chars.next();
            }
            c if c == q => {
                // '' inside single quotes is an escaped quote.
                if q == '\'' && chars.peek() == Some(&'\'') {
                    chars.next();
                } else {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

fn dash(lines: &[&str]) -> Option<Hint> {
    for (i, l) in lines.iter().enumerate() {
        let t = l.trim_start();
        let Some(after) = t.strip_prefix('-') else {
            continue;
        };
        if after.is_empty()
            || after.starts_with([' ', '-'])
            || after.starts_with(|c: char| c.is_ascii_digit())
        {
            continue;
        }
        // Only inside a list: the line above is a list item or opens one.
        let above = lines[..i].iter().rev().find(|l| !l.trim().is_empty());
        let in_list = above.is_some_and(|a| {
            let a = a.trim();
            a.starts_with("- ") || a.ends_with(':')
        });
        if !in_list {
            continue;
        }
        let field = lines[..i]
            .iter()
            .rev()
            .find(|l| !l.trim_start().starts_with('-') && l.contains(':'))
            .map(|l| key_of(l))
            .unwrap_or_default();
        return Some(Hint {
            line: i + 1,
            col: l.len() - t.len() + 1,
            field,
            help: format!("put a space after `-` to start a list item: `- {after}`"),
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_for_common_slips() {
        let h = hint(
            "title: Hamstrings: the Nordic curl\n",
            1,
            "mapping values are not allowed in this context",
        )
        .unwrap();
        assert_eq!(h.field, "title");
        assert_eq!(
            h.help,
            "a value with `: ` in it must be in quotes: `title: \"Hamstrings: the Nordic curl\"`"
        );
        let h = hint(
            "tags:\n\t- a\n",
            2,
            "found character that cannot start any token",
        )
        .unwrap();
        assert_eq!((h.line, h.col), (2, 1));
        let h = hint(
            "title: \"Wall\nsummary: x\n",
            3,
            "found unexpected end of stream",
        )
        .unwrap();
        assert_eq!((h.line, h.col, h.field.as_str()), (1, 8, "title"));
        let h = hint("tags:\n  - a\n  -b\n", 4, "could not find expected ':'").unwrap();
        assert_eq!((h.line, h.col, h.field.as_str()), (3, 3, "tags"));
        let h = hint(
            "summary: [unclosed\nregion: [neck]\n",
            2,
            "did not find expected ',' or ']'",
        )
        .unwrap();
        assert_eq!((h.line, h.col, h.field.as_str()), (1, 10, "summary"));
        assert_eq!(hint("title: 'It''s fine'\nsets: -1\n", 1, "x"), None);
        assert_eq!(hint("a: \"x\\\"y\"\n", 1, "x"), None);
    }
}
