//! Search in Spanish: Snowball stems over folded words (no accents), the
//! Spanish stop words, the built-in patient-word synonyms, and a site's own
//! synonyms for Spanish (`[search.es]`), which English ones do not reach.

use super::analyze::Analyzer;
use super::lang::Language;
use super::synonyms::groups;
use super::text::{stem_es, words};
use super::SearchDoc;
use crate::config::SearchConfig;

fn doc(title: &str, body: &str) -> SearchDoc<'static> {
    SearchDoc {
        kind: "exercise",
        url: "es/exercises/x.html".into(),
        title: title.into(),
        body: body.to_string().into(),
        ..SearchDoc::default()
    }
}

fn group_of<'a>(groups: &'a [Vec<String>], word: &str) -> Option<&'a Vec<String>> {
    groups.iter().find(|g| g.iter().any(|w| w == word))
}

#[test]
fn words_fold_accents_and_stem_by_snowball() {
    assert_eq!(
        words("Músculo de la PIERNA izquierda"),
        ["musculo", "de", "la", "pierna", "izquierda"]
    );
    // With or without accents, singular or plural: one stem.
    let stem = |w: &str| stem_es(&words(w)[0]);
    assert_eq!(stem("músculos"), stem("musculo"));
    assert_eq!(stem("Omóplatos"), stem("omoplato"));
    assert_eq!(stem("rodillas"), stem("rodilla"));
    assert_eq!(stem("estiramientos"), stem("estirar"));
    assert_eq!(stem("túmbese"), stem("tumbese"));
    assert_eq!(stem("España"), stem("espana"));
}

#[test]
fn a_spanish_page_counts_its_words_without_stop_words() {
    let es = Language::get("es");
    assert_eq!(es.code, "es");
    let analyzer = Analyzer::new(&es, &groups(&es, &SearchConfig::default()), &[]);
    let page = analyzer.analyze(&doc(
        "Estiramiento del trapecio",
        "Túmbese boca arriba. Junte los omóplatos y mantenga la espalda recta.",
    ));
    let has_word = |w: &str| page.words().any(|(x, _)| x == w);
    for word in ["tumbese", "omoplatos", "espalda", "recta", "estiramiento"] {
        let words: Vec<_> = page.words().collect();
        assert!(has_word(word), "{word}: {words:?}");
    }
    // Stop words count only in titles.
    for stop in ["los", "la", "y"] {
        assert!(!has_word(stop), "{stop}");
    }
    assert!(page.stem_texts().any(|s| s == stem_es("omoplatos")));
    // "boca arriba" and "omóplatos" are synonym phrases (supine, scapula).
    let g = groups(&es, &SearchConfig::default());
    let supine = g
        .iter()
        .position(|x| x.contains(&"boca arriba".to_string()))
        .unwrap();
    let scapula = g
        .iter()
        .position(|x| x.contains(&"escapula".to_string()))
        .unwrap();
    assert!(
        page.groups.iter().any(|c| c.key() == supine as u32),
        "{:?}",
        page.groups
    );
    assert!(
        page.groups.iter().any(|c| c.key() == scapula as u32),
        "{:?}",
        page.groups
    );
}

#[test]
fn builtin_spanish_synonyms_join_patient_and_clinician_words() {
    let es = Language::get("es");
    let g = groups(&es, &SearchConfig::default());
    let pairs = [
        ("omoplato", "escapula"),
        ("cuello", "columna cervical"),
        ("parte baja de la espalda", "lumbar"),
        ("gluteos", "nalgas"),
        ("a gatas", "cuadrupedia"),
        ("boca abajo", "prono"),
        ("banda elastica", "theraband"),
        ("rodillo de espuma", "rodillo"),
        ("mancuerna", "pesas"),
        ("esterilla", "colchoneta"),
        ("fisioterapeuta", "fisio"),
        ("hormigueo", "cosquilleo"),
        ("entumecimiento", "adormecimiento"),
        ("coxis", "rabadilla"),
    ];
    for (a, b) in pairs {
        let ga = group_of(&g, a).unwrap_or_else(|| panic!("{a} in no group"));
        assert!(ga.contains(&b.to_string()), "{a} / {b}: {ga:?}");
    }
    // English groups are not Spanish ones.
    assert!(group_of(&g, "shoulder blade").is_none());
}

#[test]
fn site_synonyms_per_language() {
    let config: crate::config::Config = toml::from_str(
        "title = \"x\"\n[search]\nsynonyms = [[\"desk\", \"office\"]]\n\
         [search.es]\nsynonyms = [[\"oficina\", \"despacho\"]]\nremove_synonyms = [\"paletilla\"]\n",
    )
    .expect("settings");
    let es = Language::get("es");
    let en = Language::get("en");
    let for_es = config.search.for_language("es", "en");
    let g = groups(&es, &for_es);
    assert!(group_of(&g, "oficina").is_some_and(|x| x.contains(&"despacho".to_string())));
    assert!(group_of(&g, "desk").is_none());
    assert!(group_of(&g, "paletilla").is_none());
    assert!(group_of(&g, "escapula").is_some());
    let g = groups(&en, &config.search.for_language("en", "en"));
    assert!(group_of(&g, "desk").is_some());
    assert!(group_of(&g, "oficina").is_none());
    // A removed word in no built-in Spanish group is an error naming [search.es].
    let text = "[search.es]\nremove_synonyms = [\"paletila\"]\n";
    let mut bad = SearchConfig {
        languages: config.search.languages.clone(),
        ..SearchConfig::default()
    };
    if let Some(l) = bad.languages.get_mut("es") {
        l.remove_synonyms = vec!["paletila".into()];
    }
    let diags = super::check_config(&bad, "en", text);
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(diags[0].field, "search.es.remove_synonyms");
    assert_eq!(diags[0].help.as_deref(), Some("did you mean `paletilla`?"));
}

/// The Spanish sample pages as search reads them: title, summary and body.
fn sample_docs() -> Vec<SearchDoc<'static>> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let mut docs = Vec::new();
    for entry in walkdir::WalkDir::new(&root).sort_by_file_name() {
        let entry = entry.expect("walk");
        let path = entry.path();
        if !path.to_string_lossy().ends_with(".es.md") {
            continue;
        }
        let text = std::fs::read_to_string(path).expect("read");
        let (front, body) = text
            .strip_prefix("---\n")
            .and_then(|t| t.split_once("\n---\n"))
            .expect("front matter");
        let yaml: serde_yaml::Value = serde_yaml::from_str(front).expect("yaml");
        let field = |k: &str| {
            yaml.get(k)
                .and_then(|v| v.as_str())
                .unwrap_or("")
                .to_string()
        };
        docs.push(SearchDoc {
            kind: "exercise",
            url: format!(
                "es/{}.html",
                path.file_stem().unwrap_or_default().to_string_lossy()
            ),
            title: field("title"),
            summary: field("summary"),
            body: body.to_string().into(),
            ..SearchDoc::default()
        });
    }
    docs
}

/// Forms of a word a patient may type that the pages may not have.
fn variants(w: &str) -> Vec<String> {
    let mut out = vec![format!("{w}s"), format!("{w}es")];
    if let Some(base) = w.strip_suffix('s') {
        out.push(base.to_string());
    }
    for (a, b) in [
        ("o", "a"),
        ("a", "o"),
        ("os", "as"),
        ("as", "os"),
        ("ar", "ando"),
        ("e", "ar"),
    ] {
        if let Some(base) = w.strip_suffix(a) {
            out.push(format!("{base}{b}"));
        }
    }
    out
}

#[test]
fn the_browser_stems_spanish_words_as_the_build() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    if std::process::Command::new("node")
        .arg("--version")
        .output()
        .is_err()
    {
        let msg = "\n!!! SKIPPED the_browser_stems_spanish_words_as_the_build: no Node.js found. Set HANDOUT_REQUIRE_BROWSER=1 to make this a failure.\n";
        assert!(
            std::env::var("HANDOUT_REQUIRE_BROWSER").as_deref() != Ok("1"),
            "{msg}"
        );
        eprintln!("{msg}");
        return;
    }
    let docs = sample_docs();
    assert!(docs.len() >= 15, "{} Spanish pages", docs.len());
    let files = super::files(&docs, &[], "es", &SearchConfig::default(), None);
    let json = files
        .index
        .strip_prefix("window.HANDOUT_SEARCH = ")
        .and_then(|s| s.trim_end().strip_suffix(';'))
        .expect("index file");
    let index: serde_json::Value = serde_json::from_str(json).expect("index json");
    assert_eq!(index["language"], "es");
    let split = |k: &str| -> Vec<String> {
        index["terms"][k]
            .as_str()
            .unwrap_or("")
            .split(' ')
            .map(str::to_string)
            .collect()
    };
    let (corpus, stems) = (split("words"), split("stems"));
    let known: std::collections::HashSet<&str> = corpus.iter().map(String::as_str).collect();
    let mut unseen: Vec<String> = corpus
        .iter()
        .filter(|w| w.len() >= 4 && !w.starts_with(|c: char| c.is_ascii_digit()))
        .flat_map(|w| variants(w))
        .filter(|v| !known.contains(v.as_str()))
        .collect();
    unseen.sort();
    unseen.dedup();
    // Only forms whose build stem the index has: those a search can find.
    unseen.retain(|v| stems.binary_search(&stem_es(v)).is_ok());
    let dir = tempfile::tempdir().expect("tempdir");
    let (index_js, list) = (
        dir.path().join("search-index.js"),
        dir.path().join("words.json"),
    );
    std::fs::write(&index_js, &files.index).expect("write index");
    let all: Vec<&String> = corpus.iter().chain(&unseen).collect();
    std::fs::write(&list, serde_json::to_string(&all).expect("json")).expect("write list");
    let o = std::process::Command::new("node")
        .arg(root.join("tests/browser/search-stems.mjs"))
        .arg(root.join("static/search-words.js"))
        .arg(&index_js)
        .arg(&list)
        .output()
        .expect("node");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let browser: std::collections::HashMap<String, String> =
        serde_json::from_slice(&o.stdout).expect("node output");
    let same = |w: &String| browser.get(w).map(String::as_str) == Some(stem_es(w).as_str());
    let corpus_same = corpus.iter().filter(|w| same(w)).count();
    let unseen_same = unseen.iter().filter(|w| same(w)).count();
    let differ: Vec<String> = unseen
        .iter()
        .filter(|w| !same(w))
        .take(15)
        .map(|w| format!("{w}: build {}, browser {}", stem_es(w), browser[w]))
        .collect();
    eprintln!(
        "Spanish stems, browser = build: indexed words {corpus_same}/{}, other forms {unseen_same}/{} (e.g. {differ:?})",
        corpus.len(),
        unseen.len()
    );
    assert_eq!(corpus_same, corpus.len());
    assert!(unseen.len() > 300, "{}", unseen.len());
    assert!(
        unseen_same * 100 >= unseen.len() * 85,
        "{unseen_same}/{}: {differ:?}",
        unseen.len()
    );
}
