//! `[languages.<code>]` of `handout.toml`: the further languages of a
//! handbook (the default one is `language`), with the title, description
//! and clinic details that differ in each, and the checks of their codes.

use super::{Clinic, Config, FILE};
use crate::diag::Diagnostic;
use crate::model::taxonomy::TermTable;
use crate::source::toml_spans::TomlSpans;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One further language: what differs from the default language's settings.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LanguageSettings {
    pub(crate) title: Option<String>,
    pub(crate) description: Option<String>,
    #[serde(default)]
    pub(crate) clinic: ClinicWords,
    /// Labels of vocabulary terms in this language (`neck = "Cuello"`).
    #[serde(default)]
    pub(crate) vocabulary: BTreeMap<String, TermTable>,
    /// The sheets' red flags and emergency advice in this language.
    pub(crate) sheet: Option<crate::sheet::SheetSettings>,
    /// The red flags of each body region in this language.
    pub(crate) red_flags: Option<crate::sheet::RegionRedFlags>,
}

/// The clinic details that differ in one language (the others are the
/// default language's).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ClinicWords {
    pub(crate) name: Option<String>,
    pub(crate) phone: Option<String>,
    pub(crate) website: Option<String>,
    pub(crate) address: Option<String>,
    pub(crate) email: Option<String>,
    pub(crate) logo: Option<String>,
}

/// The two-letter codes of ISO 639-1, the names a language is given by.
const ISO_639_1: &str = "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu";

/// Why `code` cannot name a further language (its pages are
/// `<name>.<code>.md` and live under `<code>/`).
pub(crate) fn code_problem(code: &str) -> Option<&'static str> {
    if !(2..=3).contains(&code.len()) || !code.chars().all(|c| c.is_ascii_lowercase()) {
        return Some("is not a language code of two or three lower-case letters");
    }
    if code.len() == 2 && !ISO_639_1.split(' ').any(|c| c == code) {
        return Some("is not an ISO 639-1 language code");
    }
    None
}

impl Config {
    /// Every language of the handbook, the default one first, then the
    /// others in the order of their codes.
    pub(crate) fn language_codes(&self) -> Vec<&str> {
        let mut out = vec![self.language.as_str()];
        out.extend(self.languages.keys().map(String::as_str));
        out
    }

    /// The settings as seen by the pages of language `code`: its title,
    /// description and clinic details where `[languages.<code>]` has them.
    pub(crate) fn in_language(&self, code: &str) -> Config {
        let mut c = self.clone();
        let Some(l) = self.languages.get(code) else {
            return c;
        };
        c.language = code.to_string();
        // Search reads `[search.<code>]` for this language's index.
        c.search = self.search.for_language(code, &self.language);
        if let Some(t) = &l.title {
            c.title = t.clone();
        }
        if let Some(d) = &l.description {
            c.description = d.clone();
        }
        let w = &l.clinic;
        let pick = |mine: &Option<String>, base: &String| mine.clone().unwrap_or(base.clone());
        c.clinic = Clinic {
            name: pick(&w.name, &self.clinic.name),
            phone: pick(&w.phone, &self.clinic.phone),
            website: pick(&w.website, &self.clinic.website),
            address: pick(&w.address, &self.clinic.address),
            email: pick(&w.email, &self.clinic.email),
            logo: w.logo.clone().or(self.clinic.logo.clone()),
        };
        if let Some(sheet) = &l.sheet {
            c.sheet = sheet.clone();
        }
        if let Some(flags) = &l.red_flags {
            c.red_flags = flags.clone();
        }
        for (name, terms) in &l.vocabulary {
            let table = c.vocabulary.entry(name.clone()).or_default();
            for (term, setting) in &terms.0 {
                match table.0.iter_mut().find(|(t, _)| t == term) {
                    Some(known) => known.1 = setting.clone(),
                    None => table.0.push((term.clone(), setting.clone())),
                }
            }
        }
        c
    }
}

/// Errors in the codes of `[languages]`, at their place in `handout.toml`.
pub(crate) fn check(config: &Config, text: &str) -> Vec<Diagnostic> {
    let spans = TomlSpans::new(text);
    let mut out = Vec::new();
    let allowed = "an ISO 639-1 code of two lower-case letters (or three for ISO 639-2), e.g. `es`, `fr`, `de`, `ar`";
    for code in config.languages.keys() {
        let pos = spans.key(&["languages", code]).unwrap_or_default();
        let problem = match code_problem(code) {
            Some(why) => Some(format!("language `{code}` {why}")),
            None if *code == config.language => Some(format!(
                "language `{code}` is the default language (`language = \"{code}\"`)"
            )),
            None => None,
        };
        if let Some(message) = problem {
            out.push(
                Diagnostic::error(FILE, message)
                    .at(pos.line, pos.col)
                    .width(pos.width)
                    .field(format!("languages.{code}"))
                    .allowed(allowed)
                    .with_snippet(text),
            );
        }
    }
    // The default language is only a page attribute on a site of one
    // language; with more, its code must name a language too.
    if !config.languages.is_empty() {
        let base = config.language.split('-').next().unwrap_or("");
        if let Some(why) = code_problem(base) {
            let pos = spans.value(&["language"]).unwrap_or_default();
            out.push(
                Diagnostic::error(FILE, format!("language `{}` {why}", config.language))
                    .at(pos.line, pos.col)
                    .width(pos.width)
                    .field("language")
                    .allowed(allowed)
                    .with_snippet(text),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::config::parse;

    #[test]
    fn a_further_language_with_its_own_title_and_clinic_name() {
        let c = parse("title = \"T\"\n[clinic]\nname = \"N\"\nphone = \"1\"\n[languages.es]\ntitle = \"Título\"\nclinic = { name = \"Clínica\" }\n").unwrap();
        assert_eq!(c.language_codes(), ["en", "es"]);
        let es = c.in_language("es");
        assert_eq!(
            (
                es.title.as_str(),
                es.clinic.name.as_str(),
                es.clinic.phone.as_str()
            ),
            ("Título", "Clínica", "1")
        );
        assert_eq!(es.language, "es");
    }

    #[test]
    fn bad_codes_and_fields_are_errors_at_their_line() {
        let d = &parse("title = \"T\"\n\n[languages.ES]\ntitle = \"x\"\n").unwrap_err()[0];
        assert_eq!((d.line, d.field.as_str()), (3, "languages.ES"));
        assert!(d.message.contains("lower-case"), "{}", d.message);
        let d = &parse("title = \"T\"\n[languages.xx]\n").unwrap_err()[0];
        assert!(d.message.contains("ISO 639-1"), "{}", d.message);
        let d = &parse("title = \"T\"\n[languages.en]\n").unwrap_err()[0];
        assert!(d.message.contains("default"), "{}", d.message);
        let d = &parse("title = \"T\"\n[languages.es]\ntitel = \"x\"\n").unwrap_err()[0];
        assert_eq!(d.line, 3);
        assert_eq!(d.help.as_deref(), Some("did you mean `title`?"));
    }
}
