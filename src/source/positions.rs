//! Finds where a front-matter field or value stands in the file, so errors
//! found after parsing (an unknown term, a bad dosage) still point at the
//! right line and column of the file, not of the front-matter block.

use std::borrow::Cow;

/// A position in the file: 1-based line and column, and a width to underline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Pos {
    pub(crate) line: usize,
    pub(crate) col: usize,
    pub(crate) width: usize,
}

/// One front-matter line: its 1-based line number in the file and where it
/// is in the front-matter text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Line {
    number: usize,
    start: usize,
    end: usize,
}

/// The lines of front-matter text `fm` whose first line is file line
/// `first_line`: the position index a file keeps (`SourceFile::positions`).
pub(crate) fn index(fm: &str, first_line: usize) -> Vec<Line> {
    fm.lines()
        .enumerate()
        .map(|(i, l)| {
            let start = l.as_ptr() as usize - fm.as_ptr() as usize;
            Line {
                number: first_line + i,
                start,
                end: start + l.len(),
            }
        })
        .collect()
}

/// Looks up keys and values in the front-matter lines of one file.
pub(crate) struct Locator<'a> {
    /// The front-matter text.
    text: &'a str,
    /// Its lines (from some line on, for list items).
    lines: Cow<'a, [Line]>,
}

impl<'a> Locator<'a> {
    /// `fm` is the front-matter text; `first_line` its first line's number in the file.
    #[cfg(test)]
    pub(crate) fn new(fm: &'a str, first_line: usize) -> Self {
        Locator {
            text: fm,
            lines: Cow::Owned(index(fm, first_line)),
        }
    }

    /// A locator over `fm` with its lines already indexed (by [`index`]).
    pub(crate) fn with_index(fm: &'a str, lines: &'a [Line]) -> Self {
        Locator {
            text: fm,
            lines: Cow::Borrowed(lines),
        }
    }

    /// Line `i` of the index: its file line number and its text.
    fn line(&self, i: usize) -> (usize, &'a str) {
        let l = self.lines[i];
        (l.number, self.text.get(l.start..l.end).unwrap_or(""))
    }

    /// The same front-matter seen from file line `line` on (for list items).
    pub(crate) fn starting_at(&self, line: usize) -> Locator<'a> {
        Locator {
            text: self.text,
            lines: self
                .lines
                .iter()
                .copied()
                .filter(|l| l.number >= line)
                .collect(),
        }
    }

    /// The first line of the front-matter (for "missing field" errors).
    pub(crate) fn start(&self) -> Pos {
        let line = self
            .lines
            .first()
            .map_or(1, |l| l.number.saturating_sub(1).max(1));
        Pos {
            line,
            col: 1,
            width: 3,
        }
    }

    /// Position of the key at `path` (e.g. `["dosage", "reps"]`).
    pub(crate) fn key(&self, path: &[&str]) -> Option<Pos> {
        self.find(path).map(|(idx, col, _)| Pos {
            line: self.line(idx).0,
            col,
            width: path.last().map_or(1, |k| k.chars().count()),
        })
    }

    /// Position of the value written after the key at `path` on the same line,
    /// or the key itself when the value starts on the next lines.
    pub(crate) fn value(&self, path: &[&str]) -> Option<Pos> {
        let (idx, col, key_len) = self.find(path)?;
        let (line_no, text) = self.line(idx);
        let after_key = col - 1 + key_len;
        let rest = text.get(after_key..).unwrap_or("");
        let rest = rest
            .trim_start_matches([' ', '"', '\''])
            .trim_start_matches(':');
        let start = text.len() - rest.len();
        let value = rest.trim_start();
        let vstart = text.len() - value.len();
        let _ = start;
        let end = value
            .find([',', '}', '#'])
            .map_or(value.trim_end().len(), |i| value[..i].trim_end().len());
        if end == 0 {
            return self.key(path);
        }
        Some(Pos {
            line: line_no,
            col: text[..vstart].chars().count() + 1,
            width: value[..end]
                .trim_end_matches(['"', '\''])
                .chars()
                .count()
                .max(1),
        })
    }

    /// Position of the word `needle` inside the extent of the key at `path`
    /// (its line and the more-indented lines below it).
    pub(crate) fn token(&self, path: &[&str], needle: &str) -> Option<Pos> {
        let (idx, col, key_len) = self.find(path)?;
        let indent = indent_of(self.line(idx).1);
        for i in idx..self.lines.len() {
            let (line_no, text) = self.line(i);
            if i > idx
                && !text.trim().is_empty()
                && indent_of(text) <= indent
                && !text.trim_start().starts_with('-')
            {
                break;
            }
            let from = if i == idx { col - 1 + key_len } else { 0 };
            if let Some(at) = find_word(text, needle, from) {
                return Some(Pos {
                    line: line_no,
                    col: text[..at].chars().count() + 1,
                    width: needle.chars().count().max(1),
                });
            }
        }
        None
    }

    /// Line index, 1-based column and byte length of the key at `path`.
    fn find(&self, path: &[&str]) -> Option<(usize, usize, usize)> {
        let mut lo = 0;
        let mut hi = self.lines.len();
        let mut found = None;
        for key in path {
            let mut hit = None;
            for i in lo..hi {
                let text = self.line(i).1;
                if let Some(at) = key_at(text, key, found.is_some() && i == lo) {
                    hit = Some((i, at));
                    break;
                }
            }
            let (i, at) = hit?;
            found = Some((i, at + 1, key.len()));
            // The key's extent: until the next line indented no deeper.
            let indent = indent_of(self.line(i).1);
            lo = i;
            hi = (i + 1..self.lines.len())
                .find(|&j| {
                    let t = self.line(j).1;
                    !t.trim().is_empty()
                        && indent_of(t) <= indent
                        && !t.trim_start().starts_with('#')
                })
                .unwrap_or(self.lines.len());
        }
        found
    }
}

fn indent_of(text: &str) -> usize {
    text.len() - text.trim_start_matches([' ', '-']).len()
}

/// Byte offset of `key:` in `text`, either at the start of the line (after
/// indentation and list dashes) or, with `inline`, anywhere after `{`.
fn key_at(text: &str, key: &str, inline: bool) -> Option<usize> {
    let trimmed = text.trim_start_matches([' ', '-', '\t']);
    let start = text.len() - trimmed.len();
    let t = trimmed.trim_start_matches(['"', '\'']);
    if let Some(rest) = t.strip_prefix(key) {
        if rest
            .trim_start_matches(['"', '\''])
            .trim_start()
            .starts_with(':')
        {
            return Some(start + (trimmed.len() - t.len()));
        }
    }
    if inline || text.contains('{') {
        let mut from = 0;
        while let Some(at) = find_word(text, key, from) {
            let rest = &text[at + key.len()..];
            if rest
                .trim_start_matches(['"', '\''])
                .trim_start()
                .starts_with(':')
                && text[..at].contains('{')
            {
                return Some(at);
            }
            from = at + key.len();
        }
    }
    None
}

/// Byte offset of `needle` in `text` at or after `from`, as a whole word
/// (not inside a longer slug or word).
fn find_word(text: &str, needle: &str, from: usize) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    let is_word = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    let mut start = from;
    while start <= text.len() {
        let at = start + text.get(start..)?.find(needle)?;
        let before_ok = text[..at].chars().next_back().is_none_or(|c| !is_word(c));
        let after_ok = text[at + needle.len()..]
            .chars()
            .next()
            .is_none_or(|c| !is_word(c));
        if before_ok && after_ok {
            return Some(at);
        }
        start = at + needle.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const FM: &str = "title: Wall angels\nregion: [neck, upperback]\ndosage:\n  sets: 2\n  reps: ten\nequipment:\n  - wall\n  - bandd\nsections:\n  - name: A\n    exercises:\n      - exercise: x\n        dosage: { sets: 0 }\n";

    #[test]
    fn finds_keys_values_and_tokens_in_file_lines() {
        let l = Locator::new(FM, 2);
        assert_eq!(
            l.key(&["title"]),
            Some(Pos {
                line: 2,
                col: 1,
                width: 5
            })
        );
        assert_eq!(
            l.value(&["dosage", "reps"]),
            Some(Pos {
                line: 6,
                col: 9,
                width: 3
            })
        );
        assert_eq!(
            l.token(&["region"], "upperback"),
            Some(Pos {
                line: 3,
                col: 16,
                width: 9
            })
        );
        assert_eq!(
            l.token(&["equipment"], "bandd"),
            Some(Pos {
                line: 9,
                col: 5,
                width: 5
            })
        );
        assert_eq!(l.token(&["region"], "upper"), None);
    }

    #[test]
    fn finds_inline_map_values() {
        let l = Locator::new(FM, 2);
        let p = l.token(&["sections"], "sets").unwrap();
        assert_eq!(p.line, 14);
    }
}
