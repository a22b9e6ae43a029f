//! The marker file `.handout-output`: it says the folder holds a handout
//! site and lists every file the last build wrote (the manifest). A build
//! replaces or deletes only files in that list, so anything else a person
//! put into the output (CNAME, `.nojekyll`, a `.git` folder) is left alone.

use std::borrow::Cow;
use std::collections::HashSet;

/// The marker's first line, for a person who opens it.
const HEADER: &str = "This folder holds a site made by `handout build`. A build replaces or deletes only the files listed below, the ones it wrote; anything else here is left as it is.";
/// The line before the list; it says which format follows.
const BEGIN: &str = "files written (format 1):";

/// What an output folder's marker says about its files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Previous {
    /// No marker, or an empty one (a lock taken by a build that never
    /// finished): no file here is handout's.
    Nothing,
    /// The files the last build wrote (`/`-separated, relative).
    Listed(HashSet<String>),
    /// A marker without a readable list: from an earlier version of handout,
    /// which replaced the whole folder, or cut short. Files at the names a
    /// build writes are taken as handout's; nothing else is deleted.
    Unlisted,
}

impl Previous {
    /// Reads a marker's text.
    pub(crate) fn parse(text: &str) -> Previous {
        if text.trim().is_empty() {
            return Previous::Nothing;
        }
        parse_list(text).map_or(Previous::Unlisted, Previous::Listed)
    }

    /// Whether a build may replace the file at `path` with its own.
    pub(crate) fn may_replace(&self, path: &str) -> bool {
        match self {
            Previous::Nothing => false,
            Previous::Listed(files) => files.contains(path),
            Previous::Unlisted => true,
        }
    }

    /// Whether a build may delete the file at `path` when it no longer
    /// writes it (only when it is known to be handout's).
    pub(crate) fn may_delete(&self, path: &str) -> bool {
        matches!(self, Previous::Listed(files) if files.contains(path))
    }

    /// The listed files, if there is a list.
    pub(crate) fn listed(&self) -> Option<&HashSet<String>> {
        match self {
            Previous::Listed(files) => Some(files),
            _ => None,
        }
    }
}

/// The marker's text for `files` (sorted, so the same site gives the same
/// bytes). It ends with the count and a checksum, so a list cut short (a
/// build stopped while writing it) is recognised.
pub(crate) fn format<'a>(files: impl IntoIterator<Item = &'a str>) -> String {
    let mut files: Vec<&str> = files.into_iter().collect();
    files.sort_unstable();
    files.dedup();
    let mut text = String::with_capacity(files.iter().map(|f| f.len() + 1).sum::<usize>() + 256);
    text.push_str(HEADER);
    text.push('\n');
    text.push_str(BEGIN);
    text.push('\n');
    let mut sum = Checksum::new();
    for f in &files {
        let line = escape(f);
        sum.add(&line);
        text.push_str(&line);
        text.push('\n');
    }
    text.push_str(&format!("end {} {:016x}\n", files.len(), sum.0));
    text
}

fn parse_list(text: &str) -> Option<HashSet<String>> {
    let mut lines = text.lines();
    lines.next().filter(|l| *l == HEADER)?;
    lines.next().filter(|l| *l == BEGIN)?;
    let mut files = HashSet::new();
    let mut sum = Checksum::new();
    for line in lines {
        if let Some(end) = line.strip_prefix("end ") {
            let (count, check) = end.split_once(' ')?;
            let ok =
                count.parse() == Ok(files.len()) && u64::from_str_radix(check, 16) == Ok(sum.0);
            return ok.then_some(files);
        }
        sum.add(line);
        files.insert(unescape(line)?);
    }
    None
}

/// A path on one line: `\` and line breaks escaped.
fn escape(path: &str) -> Cow<'_, str> {
    if !path.contains(['\\', '\n', '\r']) {
        return Cow::Borrowed(path);
    }
    Cow::Owned(
        path.replace('\\', "\\\\")
            .replace('\n', "\\n")
            .replace('\r', "\\r"),
    )
}

fn unescape(line: &str) -> Option<String> {
    if !line.contains('\\') {
        return Some(line.to_string());
    }
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        out.push(match chars.next()? {
            '\\' => '\\',
            'n' => '\n',
            'r' => '\r',
            _ => return None,
        });
    }
    Some(out)
}

/// FNV-1a over the lines, with a separator between them.
struct Checksum(u64);

impl Checksum {
    fn new() -> Checksum {
        Checksum(0xcbf2_9ce4_8422_2325)
    }

    fn add(&mut self, line: &str) {
        for b in line.bytes().chain([b'\n']) {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_reads_back_and_a_cut_one_is_not_trusted() {
        let names = [
            "index.html",
            "exercises/a.html",
            "odd\\name\nx.txt",
            "b.html",
        ];
        let text = format(names);
        let Previous::Listed(files) = Previous::parse(&text) else {
            panic!("not read back: {text}");
        };
        assert_eq!(files, names.iter().map(|s| s.to_string()).collect());
        assert!(text.starts_with("This folder holds a site made by `handout build`."));
        // Cut anywhere: never read as a (shorter) list.
        for cut in 1..text.len() - 1 {
            let p = Previous::parse(&text[..cut]);
            assert!(
                !matches!(p, Previous::Listed(_)),
                "cut at {cut} read as a list"
            );
        }
        // A changed line is noticed by the checksum.
        let changed = text.replace("b.html", "c.html");
        assert_eq!(Previous::parse(&changed), Previous::Unlisted);
    }

    #[test]
    fn what_each_kind_of_marker_allows() {
        let old = "This folder was made by `handout build` and is replaced on every build.\n";
        let unlisted = Previous::parse(old);
        assert_eq!(unlisted, Previous::Unlisted);
        assert!(unlisted.may_replace("index.html") && !unlisted.may_delete("index.html"));
        let nothing = Previous::parse("");
        assert!(!nothing.may_replace("index.html") && !nothing.may_delete("index.html"));
        let listed = Previous::parse(&format(["index.html"]));
        assert!(listed.may_replace("index.html") && listed.may_delete("index.html"));
        assert!(!listed.may_replace("CNAME") && !listed.may_delete("CNAME"));
    }
}
