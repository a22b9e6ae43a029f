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
    let analyzer = Analyzer::new(&es, &groups(&es, &SearchConfig::default()));
    let page = analyzer.analyze(
        &doc(
            "Estiramiento del trapecio",
            "Túmbese boca arriba. Junte los omóplatos y mantenga la espalda recta.",
        ),
        &[],
    );
    for word in ["tumbese", "omoplatos", "espalda", "recta", "estiramiento"] {
        assert!(page.words.contains_key(word), "{word}: {:?}", page.words);
    }
    // Stop words count only in titles.
    for stop in ["los", "la", "y"] {
        assert!(!page.words.contains_key(stop), "{stop}");
    }
    assert!(page.stems.contains_key(&stem_es("omoplatos")));
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
        page.groups.contains_key(&(supine as u32)),
        "{:?}",
        page.groups
    );
    assert!(
        page.groups.contains_key(&(scapula as u32)),
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
