//! Reading a key with arguments, the same steps as the browser scripts:
//! choose a form (exact number, plural category of the number or of a
//! range's upper end, or a word), then fill its `{name}` blanks.

use super::entry::{Choice, Entry};
use super::number::{category, Number};

/// The value of one blank.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Arg<'a> {
    /// A text already in the reader's language, or a word a choice depends on.
    Text(&'a str),
    Num(Number),
    /// An inclusive range, written through `meta.range` (or as one number when both ends are equal).
    Range(Number, Number),
}

impl Arg<'_> {
    /// A whole number.
    pub(crate) fn int(n: u64) -> Arg<'static> {
        Arg::Num(Number::int(n))
    }

    /// A range of whole numbers.
    pub(crate) fn range(lo: u64, hi: u64) -> Arg<'static> {
        Arg::Range(Number::int(lo), Number::int(hi))
    }
}

/// The number-writing settings of a language (from `[meta]`).
pub(crate) struct Style<'a> {
    pub(crate) lang: &'a str,
    pub(crate) decimal: &'a str,
    pub(crate) range: &'a str,
}

impl Style<'_> {
    pub(crate) fn number(&self, n: Number) -> String {
        n.write(self.decimal)
    }

    pub(crate) fn value(&self, arg: &Arg<'_>) -> String {
        match *arg {
            Arg::Text(s) => s.to_string(),
            Arg::Num(n) => self.number(n),
            Arg::Range(lo, hi) if lo == hi => self.number(lo),
            Arg::Range(lo, hi) => {
                let (lo, hi) = (self.number(lo), self.number(hi));
                fill_with(self.range, |name| match name {
                    "lo" => Some(lo.clone()),
                    "hi" => Some(hi.clone()),
                    _ => None,
                })
            }
        }
    }

    /// The form of `choice` for the arguments (choosing again inside a chosen choice).
    pub(crate) fn choose<'e>(&self, entry: &'e Entry, args: &[(&str, Arg<'_>)]) -> &'e str {
        let mut entry = entry;
        loop {
            match entry {
                Entry::Text(s) => return s,
                Entry::List(_) => return "",
                Entry::Choice(c) => match self.pick(c, args) {
                    Some(next) => entry = next,
                    None => return "",
                },
            }
        }
    }

    fn pick<'e>(&self, c: &'e Choice, args: &[(&str, Arg<'_>)]) -> Option<&'e Entry> {
        let arg = args.iter().find(|(name, _)| *name == c.by).map(|(_, a)| *a);
        let by_number = |lo: Number, hi: Number| {
            let exact = (lo == hi).then(|| c.forms.get(&lo.exact_key())).flatten();
            exact.or_else(|| c.forms.get(category(self.lang, hi)))
        };
        let found = match arg {
            Some(Arg::Text(word)) => c.forms.get(word),
            Some(Arg::Num(n)) => by_number(n, n),
            Some(Arg::Range(lo, hi)) => by_number(lo, hi),
            None => None,
        };
        found.or_else(|| c.other())
    }

    /// `text` with each `{name}` replaced by its argument; a blank without one is left empty.
    pub(crate) fn fill(&self, text: &str, args: &[(&str, Arg<'_>)]) -> String {
        fill_with(text, |name| {
            args.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, a)| self.value(a))
        })
    }
}

/// Replaces every `{name}` of `text` by `value(name)`; an unknown blank
/// becomes empty, and a `{` that starts no blank stays as it is.
pub(crate) fn fill_with(text: &str, value: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let name_len = after
            .find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'))
            .unwrap_or(after.len());
        if name_len > 0 && after[name_len..].starts_with('}') {
            out.push_str(&value(&after[..name_len]).unwrap_or_default());
            rest = &after[name_len + 1..];
        } else {
            out.push('{');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// Items joined with `sep`, and `last` before the last one.
pub(crate) fn join_list<S: AsRef<str>>(items: &[S], sep: &str, last: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [init @ .., end] => {
            let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{}{last}{}", init.join(sep), end.as_ref())
        }
    }
}
