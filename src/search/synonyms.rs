//! Synonym groups: the language's built-in ones, less the words a site
//! removes (`[search] remove_synonyms`, or all of them with
//! `builtin_synonyms = false`), plus the site's own (`[search] synonyms`),
//! merged where groups share a word; and finding their phrases in a text.

use super::lang::Language;
use super::text;
use crate::config::SearchConfig;
use crate::diag::Diagnostic;
use std::collections::HashMap;

/// A phrase as written: words folded, whitespace collapsed ("T-Spine" → "t-spine").
fn normal(phrase: &str) -> String {
    text::fold(phrase)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The groups in force for a site: built-in (unless turned off), without the
/// removed words, plus the site's, with groups that share a phrase merged.
pub(crate) fn groups(lang: &Language, config: &SearchConfig) -> Vec<Vec<String>> {
    let removed: std::collections::HashSet<String> =
        config.remove_synonyms.iter().map(|w| normal(w)).collect();
    let builtin = lang
        .words
        .synonyms
        .iter()
        .filter(|_| config.builtin_synonyms)
        .map(|g| {
            g.iter()
                .map(|w| normal(w))
                .filter(|w| !removed.contains(w))
                .collect::<Vec<_>>()
        });
    merge(
        builtin.chain(
            config
                .synonyms
                .iter()
                .map(|g| g.iter().map(|w| normal(w)).collect()),
        ),
    )
}

/// Merges groups that share a phrase, keeping first-seen order; drops
/// empty phrases and groups left with fewer than two. A group that shares
/// phrases with earlier ones takes them in and moves to the end: the
/// latest of them first, then the others back to the earliest, then its
/// own new phrases. Each phrase is looked up once in a map of the groups
/// so far (a group taken in points to the one that took it), so many
/// groups cost little more than few.
fn merge(groups: impl Iterator<Item = Vec<String>>) -> Vec<Vec<String>> {
    type Set<T> = std::collections::HashSet<T, foldhash::fast::FixedState>;
    // Groups by the order they were made in; `None` once taken in by a later one.
    let mut made: Vec<Option<Vec<String>>> = Vec::new();
    // The group that took each one in (itself while it stands).
    let mut taken_by: Vec<usize> = Vec::new();
    let mut group_of: HashMap<String, usize, foldhash::fast::FixedState> = HashMap::default();
    let find = |taken_by: &mut Vec<usize>, mut g: usize| {
        while taken_by[g] != g {
            taken_by[g] = taken_by[taken_by[g]];
            g = taken_by[g];
        }
        g
    };
    for group in groups {
        let mut words: Vec<String> = Vec::new();
        let mut seen: Set<&str> = Set::default();
        for w in &group {
            if !w.is_empty() && seen.insert(w) {
                words.push(w.clone());
            }
        }
        drop(seen);
        // The earlier groups that share a phrase with this one, latest first.
        let mut sharing: Vec<usize> = words
            .iter()
            .filter_map(|w| group_of.get(w).copied())
            .map(|g| find(&mut taken_by, g))
            .collect();
        sharing.sort_unstable_by(|a, b| b.cmp(a));
        sharing.dedup();
        let fresh: Vec<String> = words
            .into_iter()
            .filter(|w| !group_of.contains_key(w))
            .collect();
        let mut merged: Vec<String> = Vec::new();
        for &g in &sharing {
            if let Some(old) = made[g].take() {
                if merged.is_empty() {
                    merged = old;
                } else {
                    merged.extend(old);
                }
            }
        }
        let id = made.len();
        for w in &fresh {
            group_of.insert(w.clone(), id);
        }
        merged.extend(fresh);
        if merged.len() > 1 {
            for g in sharing {
                taken_by[g] = id;
            }
            taken_by.push(id);
            made.push(Some(merged));
        } else {
            // A lone phrase sharing nothing: no group, and nothing to find.
            for w in &merged {
                group_of.remove(w);
            }
        }
    }
    made.into_iter().flatten().collect()
}

/// Problems with `[search]` in `handout.toml`: a removed word that is in
/// no built-in group (a typo would otherwise pass unnoticed).
pub(crate) fn check(config: &SearchConfig, language: &str, text: &str) -> Vec<Diagnostic> {
    let mut diags = check_one(config, language, "search", text);
    for code in config.languages.keys() {
        let own = config.for_language(code, language);
        diags.extend(check_one(&own, code, &format!("search.{code}"), text));
    }
    diags
}

fn check_one(config: &SearchConfig, language: &str, table: &str, text: &str) -> Vec<Diagnostic> {
    let lang = Language::get(language);
    let known: Vec<String> = lang
        .words
        .synonyms
        .iter()
        .flatten()
        .map(|w| normal(w))
        .collect();
    let known_set: std::collections::HashSet<&str> = known.iter().map(String::as_str).collect();
    config
        .remove_synonyms
        .iter()
        .filter(|w| !known_set.contains(normal(w).as_str()))
        .map(|w| {
            let (line, col) = text
                .lines()
                .enumerate()
                .find_map(|(i, l)| l.find(&format!("\"{w}\"")).map(|c| (i + 1, c + 2)))
                .unwrap_or((0, 0));
            Diagnostic::error(
                "handout.toml",
                format!("`{w}` is in no built-in synonym group, so it cannot be removed"),
            )
            .at(line, col)
            .field(format!("{table}.remove_synonyms"))
            .suggest(w, known.iter().map(String::as_str))
            .with_snippet(text)
        })
        .collect()
}

/// Finds synonym phrases in a stream of words, as the index and the
/// browser both do: fillers skipped, words compared by stem, the longest
/// phrase at a place wins and its words are not looked at again.
pub(crate) struct Phrases {
    /// By first key: (keys, group), longest first.
    by_first: HashMap<String, Vec<(Vec<String>, u32)>, foldhash::fast::FixedState>,
    fillers: Vec<String>,
}

impl Phrases {
    pub(crate) fn new(lang: &Language, groups: &[Vec<String>]) -> Phrases {
        let mut by_first: HashMap<String, Vec<(Vec<String>, u32)>, foldhash::fast::FixedState> =
            HashMap::default();
        let fillers = lang.words.fillers.clone();
        for (g, group) in groups.iter().enumerate() {
            for phrase in group {
                let keys: Vec<String> = text::words(phrase)
                    .into_iter()
                    .filter(|w| !fillers.contains(w))
                    .map(|w| (lang.stem)(&w))
                    .collect();
                if let Some(first) = keys.first() {
                    let list = by_first.entry(first.clone()).or_default();
                    if !list.iter().any(|(k, _)| *k == keys) {
                        list.push((keys, g as u32));
                    }
                }
            }
        }
        for list in by_first.values_mut() {
            list.sort_by_key(|(keys, _)| std::cmp::Reverse(keys.len()));
        }
        Phrases { by_first, fillers }
    }

    /// The groups whose phrases occur in `words` (folded words with their
    /// stems), once per occurrence.
    #[cfg(test)]
    pub(crate) fn find(&self, words: &[(&str, &str)]) -> Vec<u32> {
        self.spans(words).into_iter().map(|(g, _)| g).collect()
    }

    /// `find`, with the words each phrase covers: (group, first word..
    /// after its last word), as indices into `words`.
    pub(crate) fn spans(&self, words: &[(&str, &str)]) -> Vec<(u32, std::ops::Range<usize>)> {
        let (at, keys): (Vec<usize>, Vec<&str>) = words
            .iter()
            .enumerate()
            .filter(|(_, (w, _))| !self.fillers.iter().any(|f| f == w))
            .map(|(i, (_, s))| (i, *s))
            .unzip();
        let mut out = Vec::new();
        let mut i = 0;
        while i < keys.len() {
            let found = self.by_first.get(keys[i]).and_then(|list| {
                list.iter().find(|(p, _)| {
                    p.len() <= keys.len() - i && p.iter().zip(&keys[i..]).all(|(a, b)| a == b)
                })
            });
            match found {
                Some((p, g)) => {
                    out.push((*g, at[i]..at[i + p.len() - 1] + 1));
                    i += p.len();
                }
                None => i += 1,
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(synonyms: &[&[&str]], remove: &[&str], builtin: bool) -> SearchConfig {
        SearchConfig {
            synonyms: synonyms
                .iter()
                .map(|g| g.iter().map(|w| w.to_string()).collect())
                .collect(),
            remove_synonyms: remove.iter().map(|w| w.to_string()).collect(),
            builtin_synonyms: builtin,
            languages: Default::default(),
        }
    }

    fn group_of<'a>(groups: &'a [Vec<String>], word: &str) -> Option<&'a Vec<String>> {
        groups.iter().find(|g| g.iter().any(|w| w == word))
    }

    #[test]
    fn site_groups_merge_with_builtin_ones() {
        let en = Language::get("en");
        let groups = groups(
            &en,
            &site(
                &[
                    &["Thoracic", "T-spine", "dorsal"],
                    &["desk", "office"],
                    &["alone"],
                ],
                &[],
                true,
            ),
        );
        let thoracic = group_of(&groups, "thoracic").unwrap();
        assert_eq!(thoracic.first().unwrap(), "thoracic");
        assert_eq!(thoracic.last().unwrap(), "dorsal");
        assert_eq!(
            groups
                .iter()
                .filter(|g| g.contains(&"t-spine".into()))
                .count(),
            1
        );
        assert!(groups.contains(&vec!["desk".into(), "office".into()]));
        assert!(group_of(&groups, "alone").is_none());
        // A site group may join two built-in groups.
        let joined = super::groups(&en, &site(&[&["neck", "prone"]], &[], true));
        let g = group_of(&joined, "neck").unwrap();
        assert!(g.contains(&"cervical".into()) && g.contains(&"face down".into()));
    }

    #[test]
    fn a_site_removes_builtin_words_or_all_of_them() {
        let en = Language::get("en");
        let groups = groups(&en, &site(&[], &["ROM", "bum"], true));
        assert!(group_of(&groups, "rom").is_none());
        assert!(group_of(&groups, "range of motion").is_some());
        assert!(group_of(&groups, "bum").is_none());
        assert!(group_of(&groups, "buttock").is_some());
        // A group left with one word is gone.
        let groups = super::groups(&en, &site(&[], &["ql"], true));
        assert!(group_of(&groups, "quadratus lumborum").is_none());
        let none = super::groups(&en, &site(&[&["desk", "office"]], &[], false));
        assert_eq!(none, vec![vec!["desk".to_string(), "office".into()]]);
    }

    #[test]
    fn removing_an_unknown_word_is_an_error_with_a_suggestion() {
        let text = "[search]\nremove_synonyms = [\"hammie\"]\n";
        let d = check(&site(&[], &["hammie"], true), "en", text);
        assert_eq!(d.len(), 1);
        assert_eq!((d[0].line, d[0].col), (2, 21));
        assert!(d[0]
            .message
            .contains("`hammie` is in no built-in synonym group"));
        assert_eq!(d[0].help.as_deref(), Some("did you mean `hammies`?"));
        assert!(check(&site(&[], &["Hammy"], true), "en", text).is_empty());
    }

    #[test]
    fn finds_the_longest_phrase_with_fillers_skipped() {
        let en = Language::get("en");
        let groups = groups(&en, &SearchConfig::default());
        let phrases = Phrases::new(&en, &groups);
        let find = |s: &str| {
            let words = text::words(s);
            let stems: Vec<String> = words.iter().map(|w| (en.stem)(w)).collect();
            let pairs: Vec<(&str, &str)> = words
                .iter()
                .map(String::as_str)
                .zip(stems.iter().map(String::as_str))
                .collect();
            phrases
                .find(&pairs)
                .into_iter()
                .map(|g| groups[g as usize][0].clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(find("a stretch in the back of your thigh"), ["hamstring"]);
        assert_eq!(
            find("Hip external rotation, then external rotation"),
            ["hip rotation", "rotator cuff"]
        );
        assert_eq!(
            find("Lying on your back with traps relaxed"),
            ["supine", "trapezius"]
        );
        assert_eq!(
            find("Barbell ab rollout - on knees"),
            ["abdominals", "kneeling"]
        );
    }
}
