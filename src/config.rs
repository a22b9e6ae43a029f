//! `handout.toml`: site settings, clinic details and the vocabularies
//! (built-in terms that a site may extend or relabel).

use crate::diag::{did_you_mean, Diagnostic};
use crate::model::taxonomy::{Taxonomy, TermSetting, TermTable, Vocabularies, GOAL};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

pub(crate) mod languages;

/// The file name of the site configuration.
pub(crate) const FILE: &str = "handout.toml";

/// Paper size the printable sheets are laid out for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, Default)]
pub(crate) enum Paper {
    #[default]
    A4,
    Letter,
}

/// Clinic details printed on every page footer and sheet header.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Clinic {
    #[serde(default)]
    pub(crate) name: String,
    #[serde(default)]
    pub(crate) phone: String,
    #[serde(default)]
    pub(crate) website: String,
    #[serde(default)]
    pub(crate) address: String,
    #[serde(default)]
    pub(crate) email: String,
    /// Path under `static/`.
    pub(crate) logo: Option<String>,
}

/// `[search]`: synonym groups added to the built-in ones, built-in words
/// taken out, or the built-in groups turned off (see `search::synonyms`),
/// for the site's default language; `[search.es]` and so on hold the same
/// keys for each other language.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub(crate) struct SearchConfig {
    #[serde(default)]
    pub(crate) synonyms: Vec<Vec<String>>,
    #[serde(default)]
    pub(crate) remove_synonyms: Vec<String>,
    #[serde(default = "yes")]
    pub(crate) builtin_synonyms: bool,
    /// `[search.<language>]`, by language code.
    #[serde(flatten)]
    pub(crate) languages: std::collections::BTreeMap<String, LanguageSearch>,
}

/// `[search.<language>]`: the synonym settings of one more language.
#[derive(Debug, Clone, Deserialize, Serialize, Hash)]
#[serde(deny_unknown_fields)]
pub(crate) struct LanguageSearch {
    #[serde(default)]
    pub(crate) synonyms: Vec<Vec<String>>,
    #[serde(default)]
    pub(crate) remove_synonyms: Vec<String>,
    #[serde(default = "yes")]
    pub(crate) builtin_synonyms: bool,
}

impl Default for SearchConfig {
    fn default() -> Self {
        SearchConfig {
            synonyms: Vec::new(),
            remove_synonyms: Vec::new(),
            builtin_synonyms: true,
            languages: Default::default(),
        }
    }
}

impl SearchConfig {
    /// The settings for the index of `lang`: `[search]` itself for the
    /// site's default language, `[search.<lang>]` (or none) for another.
    pub(crate) fn for_language(&self, lang: &str, default_lang: &str) -> SearchConfig {
        if lang == default_lang {
            return SearchConfig {
                languages: Default::default(),
                ..self.clone()
            };
        }
        let own = self.languages.get(lang).cloned().unwrap_or(LanguageSearch {
            synonyms: Vec::new(),
            remove_synonyms: Vec::new(),
            builtin_synonyms: true,
        });
        SearchConfig {
            synonyms: own.synonyms,
            remove_synonyms: own.remove_synonyms,
            builtin_synonyms: own.builtin_synonyms,
            languages: Default::default(),
        }
    }
}

fn yes() -> bool {
    true
}

/// `[markdown]`: how page bodies are turned into HTML.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct MarkdownConfig {
    /// Raw HTML in a body is left out of the page unless this is set.
    #[serde(default)]
    pub(crate) raw_html: bool,
    /// With `raw_html`, the tags a body may use without a warning.
    #[serde(default)]
    pub(crate) allowed_html: Vec<String>,
}

/// The whole `handout.toml`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Config {
    pub(crate) title: String,
    #[serde(default = "default_base_url")]
    pub(crate) base_url: String,
    #[serde(default = "default_language")]
    pub(crate) language: String,
    #[serde(default)]
    pub(crate) description: String,
    /// `[languages.<code>]`: the further languages, with what differs in each.
    #[serde(default)]
    pub(crate) languages: BTreeMap<String, languages::LanguageSettings>,
    #[serde(default)]
    pub(crate) paper: Paper,
    #[serde(default)]
    pub(crate) clinic: Clinic,
    #[serde(default)]
    pub(crate) vocabulary: BTreeMap<String, TermTable>,
    #[serde(default)]
    pub(crate) search: SearchConfig,
    #[serde(default)]
    pub(crate) markdown: MarkdownConfig,
    /// The text of `handout.toml`, for positions of later checks.
    #[serde(skip)]
    pub(crate) text: String,
    /// `[warnings]`: kinds of warning turned off (`false`) or on (`true`).
    #[serde(default)]
    pub(crate) warnings: BTreeMap<String, bool>,
    #[serde(default)]
    pub(crate) checks: Checks,
    /// `[sheet]`: the printed sheets' red flags and emergency advice.
    #[serde(default)]
    pub(crate) sheet: crate::sheet::SheetSettings,
    /// `[red_flags]`: more red flags on the sheets of each body region.
    #[serde(default)]
    pub(crate) red_flags: crate::sheet::RegionRedFlags,
}

/// `[checks]`: the limits of the content checks.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Checks {
    /// The highest Flesch–Kincaid grade a patient page may read at.
    #[serde(default = "default_reading_grade")]
    pub(crate) max_reading_grade: f64,
}

impl Default for Checks {
    fn default() -> Self {
        Checks {
            max_reading_grade: default_reading_grade(),
        }
    }
}

fn default_reading_grade() -> f64 {
    8.0
}

fn default_base_url() -> String {
    "/".into()
}

fn default_language() -> String {
    "en".into()
}

impl Config {
    /// The four vocabularies: built-in terms, relabelled and extended by the site.
    pub(crate) fn vocabularies(&self) -> Vocabularies {
        Vocabularies::new(&self.vocabulary)
    }

    /// True when `base_url` is absolute (http/https, any letter case, with
    /// a host), which sheets need for QR codes.
    pub(crate) fn has_absolute_base_url(&self) -> bool {
        crate::check::config::absolute_url(&self.base_url).is_ok()
    }

    /// `base_url` with exactly one trailing slash.
    pub(crate) fn base_url_slash(&self) -> String {
        format!("{}/", self.base_url.trim_end_matches('/'))
    }
}

/// Reads and checks `handout.toml` under `root`.
pub(crate) fn load(root: &Path) -> Result<Config, Vec<Diagnostic>> {
    let path = root.join(FILE);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            return Err(vec![Diagnostic::error(
                FILE,
                format!("cannot read {FILE}: {e}"),
            )
            .help(
                "run `handout init DIR` to start a new site, or pass `--root DIR` to point at one",
            )])
        }
    };
    parse(&text)
}

/// Parses config text; errors carry the line and column in `handout.toml`.
pub(crate) fn parse(text: &str) -> Result<Config, Vec<Diagnostic>> {
    let mut config: Config = toml::from_str(text).map_err(|e| vec![toml_error(text, &e)])?;
    config.text = text.to_string();
    let mut diags = Vec::new();
    let spans = crate::source::toml_spans::TomlSpans::new(text);
    let find = |path: &[&str]| spans.key(path).map_or((0, 0), |p| (p.line, p.col));
    let vocab_names: Vec<&str> = Taxonomy::names().into_iter().chain([GOAL]).collect();
    for (name, terms) in &config.vocabulary {
        if !vocab_names.contains(&name.as_str()) {
            let (line, col) = find(&["vocabulary", name]);
            diags.push(
                Diagnostic::error(FILE, format!("unknown vocabulary `{name}`"))
                    .at(line, col)
                    .field(format!("vocabulary.{name}"))
                    .allowed(vocab_names.join(", "))
                    .suggest(name, vocab_names.iter().copied())
                    .with_snippet(text),
            );
        }
        for (term, setting) in &terms.0 {
            let problem = if !crate::model::is_slug(term) {
                Some((
                    format!("vocabulary term `{term}` is not a valid term name"),
                    "lower-case letters a–z, digits 0–9 and '-'",
                ))
            } else if matches!(setting, TermSetting::Label(l) if l.trim().is_empty()) {
                Some((
                    format!("vocabulary term `{term}` has an empty label"),
                    "the words pages show for the term, e.g. `wrists = \"Wrists\"`, or `false` to remove a built-in term",
                ))
            } else {
                None
            };
            if let Some((message, allowed)) = problem {
                let (line, col) = find(&["vocabulary", name, term]);
                diags.push(
                    Diagnostic::error(FILE, message)
                        .at(line, col)
                        .field(format!("vocabulary.{name}"))
                        .allowed(allowed)
                        .with_snippet(text),
                );
            }
        }
    }
    for kind in config.warnings.keys() {
        if !crate::check::warnings::names().any(|k| k == kind) {
            let (line, col) = find(&["warnings", kind]);
            diags.push(
                Diagnostic::error(FILE, format!("unknown kind of warning `{kind}`"))
                    .at(line, col)
                    .field(format!("warnings.{kind}"))
                    .allowed(
                        crate::check::warnings::names()
                            .collect::<Vec<_>>()
                            .join(", "),
                    )
                    .suggest(kind, crate::check::warnings::names())
                    .with_snippet(text),
            );
        }
    }
    diags.extend(languages::check(&config, text));
    diags.extend(crate::sheet::check_config(text, &config));
    if diags.is_empty() {
        Ok(config)
    } else {
        Err(diags)
    }
}

fn toml_error(text: &str, e: &toml::de::Error) -> Diagnostic {
    let (line, col, width) = match e.span() {
        Some(span) => {
            let before = &text[..span.start.min(text.len())];
            let line = before.matches('\n').count() + 1;
            let col = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
            (line, col, span.len().max(1))
        }
        None => (0, 0, 1),
    };
    let message = e.message().trim().to_string();
    let field = e
        .span()
        .and_then(|s| crate::source::toml_spans::TomlSpans::new(text).field_at(s.start));
    let mut d = Diagnostic::error(FILE, message.clone())
        .at(line, col)
        .width(width)
        .field(field.unwrap_or_default());
    // serde's "unknown field `x`, expected one of `a`, `b`" → allowed + did you mean.
    if let Some(rest) = message.strip_prefix("unknown field `") {
        if let Some((found, tail)) = rest.split_once('`') {
            let expected: Vec<&str> = tail.split('`').skip(1).step_by(2).collect();
            d.message = format!("unknown setting `{found}`");
            if !expected.is_empty() {
                d = d.allowed(expected.join(", "));
            }
            if let Some(best) = did_you_mean(found, expected.iter().copied()) {
                d = d.help(format!("did you mean `{best}`?"));
            }
        }
    }
    d.with_snippet(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relabels_and_extends_vocabularies() {
        let c = parse(
            "title = \"T\"\n[vocabulary.region]\nneck = \"Neck and throat\"\nwrists = \"Wrists\"\n",
        )
        .unwrap();
        let v = c.vocabularies();
        assert_eq!(v[Taxonomy::Region].label("neck"), Some("Neck and throat"));
        assert_eq!(v[Taxonomy::Region].label("wrists"), Some("Wrists"));
        assert_eq!(v[Taxonomy::Equipment].label("none"), Some("No equipment"));
    }

    #[test]
    fn unknown_setting_has_position_and_suggestion() {
        let d = &parse("title = \"T\"\npapr = \"A4\"\n").unwrap_err()[0];
        assert_eq!(d.message, "unknown setting `papr`");
        assert_eq!((d.line, d.col), (2, 1));
        assert_eq!(d.help.as_deref(), Some("did you mean `paper`?"));
    }

    #[test]
    fn rejects_unknown_paper_and_vocabulary() {
        assert!(parse("title = \"T\"\npaper = \"A5\"\n").is_err());
        let d = &parse("title = \"T\"\n[vocabulary.regoin]\na = \"A\"\n").unwrap_err()[0];
        assert_eq!(d.help.as_deref(), Some("did you mean `region`?"));
    }
}
