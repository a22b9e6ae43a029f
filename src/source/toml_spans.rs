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
        assert!(TomlSpans::new("= broken").key(&["title"]).is_none());
    }
}
