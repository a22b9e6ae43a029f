//! Where each key and value of `handout.toml` stands, kept from the TOML
//! parser, so a check made after reading the settings still points at
//! `handout.toml:line:column`. (`toml::Spanned` cannot be used for this:
//! a table made only by a header such as `[vocabulary.region]`, without
//! `[vocabulary]`, fails to deserialize as `Spanned`; the parser below
//! `toml`, toml_edit, keeps every span.)

use std::ops::Range;
use toml_edit::{ImDocument, Item};

/// A position in `handout.toml`: 1-based line and column, and the width to underline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct TomlPos {
    pub(crate) line: usize,
    pub(crate) col: usize,
    pub(crate) width: usize,
}

/// The positions of every key and value of one `handout.toml`.
pub(crate) struct TomlSpans<'a> {
    text: &'a str,
    doc: Option<ImDocument<&'a str>>,
}

impl<'a> TomlSpans<'a> {
    /// Reads the positions of `text`; text that is not valid TOML has none.
    pub(crate) fn new(text: &'a str) -> TomlSpans<'a> {
        TomlSpans {
            text,
            doc: ImDocument::parse(text).ok(),
        }
    }

    /// The key and the value at `path`, e.g. `["clinic", "logo"]`.
    fn find(&self, path: &[&str]) -> Option<(Option<Range<usize>>, &Item)> {
        let mut item = self.doc.as_ref()?.as_item();
        let mut key_span = None;
        for key in path {
            let (k, v) = item.as_table_like()?.get_key_value(key)?;
            key_span = k.span();
            item = v;
        }
        Some((key_span, item))
    }

    /// Where the key at `path` is written.
    pub(crate) fn key(&self, path: &[&str]) -> Option<TomlPos> {
        let (key, _) = self.find(path)?;
        key.map(|s| self.pos(s))
    }

    /// Where the value of the key at `path` is written.
    pub(crate) fn value(&self, path: &[&str]) -> Option<TomlPos> {
        let (_, item) = self.find(path)?;
        item.span().map(|s| self.pos(s))
    }

    /// The dotted name of the innermost key whose key or value holds byte
    /// `offset` (e.g. `clinic.logo`), for errors the parser reports by position.
    pub(crate) fn field_at(&self, offset: usize) -> Option<String> {
        let mut path = Vec::new();
        let mut item = self.doc.as_ref()?.as_item();
        'down: while let Some(table) = item.as_table_like() {
            for (name, child) in table.iter() {
                let key_span = table.key(name).and_then(|k| k.span());
                let holds = |s: Option<Range<usize>>| s.is_some_and(|s| s.contains(&offset));
                if holds(key_span) || holds(child.span()) || contains_below(child, offset) {
                    path.push(name.to_string());
                    item = child;
                    continue 'down;
                }
            }
            break;
        }
        (!path.is_empty()).then(|| path.join("."))
    }

    /// Line, column and width (in characters, on the first line) of a byte range.
    fn pos(&self, span: Range<usize>) -> TomlPos {
        let start = span.start.min(self.text.len());
        let before = self.text.get(..start).unwrap_or("");
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = before[line_start..].chars().count() + 1;
        let end = span.end.clamp(start, self.text.len());
        let marked = self.text.get(start..end).unwrap_or("");
        let width = marked.lines().next().unwrap_or("").chars().count();
        TomlPos {
            line,
            col,
            width: width.max(1),
        }
    }
}

/// True when a key somewhere inside table `item` holds byte `offset`
/// (a `[header]` table's own span does not cover the keys under it).
fn contains_below(item: &Item, offset: usize) -> bool {
    let Some(table) = item.as_table_like() else {
        return false;
    };
    table.iter().any(|(name, child)| {
        table
            .key(name)
            .and_then(|k| k.span())
            .is_some_and(|s| s.contains(&offset))
            || child.span().is_some_and(|s| s.contains(&offset))
            || contains_below(child, offset)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_values_of_nested_tables() {
        let text = "title = \"T\"\nbase_url = \"https://\"\n\n[clinic]\nlogo = \"../x.png\"\n[vocabulary.regoin]\nab = \"A\"\n";
        let s = TomlSpans::new(text);
        assert_eq!(
            s.value(&["base_url"]),
            Some(TomlPos {
                line: 2,
                col: 12,
                width: 10
            })
        );
        assert_eq!(s.value(&["clinic", "logo"]).map(|p| p.line), Some(5));
        assert_eq!(
            s.key(&["vocabulary", "regoin"]),
            Some(TomlPos {
                line: 6,
                col: 13,
                width: 6
            })
        );
        assert_eq!(
            s.key(&["vocabulary", "regoin", "ab"]).map(|p| p.line),
            Some(7)
        );
        let inline = TomlSpans::new("title = \"T\"\nclinic = { logo = \"x\" }\n");
        assert_eq!(
            inline.value(&["clinic", "logo"]).map(|p| (p.line, p.col)),
            Some((2, 19))
        );
        assert_eq!(s.key(&["nothing"]), None);
        let at = |needle: &str| text.find(needle).unwrap_or(0);
        assert_eq!(s.field_at(at("../x")).as_deref(), Some("clinic.logo"));
        assert_eq!(s.field_at(at("\"https")).as_deref(), Some("base_url"));
        assert_eq!(
            s.field_at(at("ab =")).as_deref(),
            Some("vocabulary.regoin.ab")
        );
        assert!(TomlSpans::new("= broken").key(&["title"]).is_none());
    }
}
