use super::number::category;
use super::*;

fn n(x: u64) -> Number {
    Number::int(x)
}

#[test]
fn plural_categories_follow_cldr() {
    let half = Number::tenths(15);
    let one_point_oh = Number::tenths(10); // written "1" (tenths drop .0)
    for (lang, one, other) in [
        (
            "en",
            vec![n(1), one_point_oh],
            vec![n(0), n(2), half, n(11)],
        ),
        ("de", vec![n(1)], vec![n(0), n(2), half]),
        ("es", vec![n(1)], vec![n(0), n(2), half]),
        ("fr", vec![n(0), n(1), half], vec![n(2), Number::tenths(25)]),
        ("es-MX", vec![n(1)], vec![n(3)]),
    ] {
        for x in one {
            assert_eq!(category(lang, x), "one", "{lang} {x:?}");
        }
        for x in other {
            assert_eq!(category(lang, x), "other", "{lang} {x:?}");
        }
    }
    assert_eq!(category("ar", n(0)), "zero");
    assert_eq!(category("ar", n(2)), "two");
    assert_eq!(category("ar", n(5)), "few");
    assert_eq!(category("ar", n(12)), "many");
    assert_eq!(category("ar", n(100)), "other");
}

#[test]
fn numbers_and_ranges_are_written_as_the_language_does() {
    let en = Catalog::builtin("en");
    let es = Catalog::builtin("es");
    assert_eq!(en.number(Number::tenths(25)), "2.5");
    assert_eq!(es.number(Number::tenths(25)), "2,5");
    assert_eq!(es.number(Number::tenths(30)), "3");
    assert_eq!(
        en.format("dosage.reps", &[("n", Arg::range(10, 15))]),
        "10–15 reps"
    );
    assert_eq!(
        en.format("dosage.reps", &[("n", Arg::range(3, 3))]),
        "3 reps"
    );
    assert_eq!(
        es.format("dosage.reps", &[("n", Arg::range(1, 1))]),
        "1 repetición"
    );
}

#[test]
fn choices_pick_exact_numbers_categories_and_words() {
    let en = Catalog::builtin("en");
    // Exact "=1" beats the category; a range never takes an exact form.
    assert_eq!(
        en.format("dosage.per_week", &[("n", Arg::int(1))]),
        "once a week"
    );
    assert_eq!(
        en.format("dosage.per_week", &[("n", Arg::int(4))]),
        "4 times a week"
    );
    assert_eq!(
        en.format("dosage.per_week", &[("n", Arg::range(1, 2))]),
        "1–2 times a week"
    );
    // Upper end of a range decides the plural.
    assert_eq!(
        en.format("dosage.sets", &[("n", Arg::range(1, 2))]),
        "1–2 sets"
    );
    // A word choice, then a nested count choice (German's hold with sets).
    let de = Catalog::builtin("de");
    let args = |count| {
        [
            ("count", Arg::int(count)),
            ("time", Arg::Text("30 Sekunden")),
            ("adjective", Arg::Text("")),
            ("side", Arg::Text("")),
            ("time_kind", Arg::Text("simple")),
        ]
    };
    assert_eq!(
        de.format("dosage.hold_sets", &args(3)),
        "3-mal 30 Sekunden halten"
    );
    assert_eq!(
        de.format("dosage.hold_sets", &args(1)),
        "einmal 30 Sekunden halten"
    );
    // A key without forms ignores arguments; `text` of a choice is its `other` form.
    assert_eq!(en.text("nav.home"), "Home");
    assert_eq!(en.text("dosage.sets"), "{n} sets");
}

#[test]
fn fill_leaves_no_blank_and_keeps_other_braces() {
    use super::format::fill_with;
    let v = |name: &str| (name == "a").then(|| "X".to_string());
    assert_eq!(fill_with("{a} and {b}", v), "X and ");
    assert_eq!(fill_with("{ a } {", v), "{ a } {");
    assert_eq!(fill_with("{a}{a}", v), "XX");
    assert_eq!(fill_with("é{a}ü", v), "éXü");
}

#[test]
fn lists_and_dates_follow_meta() {
    let en = Catalog::builtin("en");
    let es = Catalog::builtin("es");
    assert_eq!(en.join(&["A", "B", "C"]), "A, B and C");
    assert_eq!(
        es.join(&["lunes", "miércoles", "viernes"]),
        "lunes, miércoles y viernes"
    );
    assert_eq!(en.join(&["A"]), "A");
    assert_eq!(en.join::<&str>(&[]), "");
    assert_eq!(en.date(2025, 12, 1), "1 December 2025");
    assert_eq!(es.date(2025, 12, 1), "1 de diciembre de 2025");
    assert_eq!(en.date(2025, 13, 1), "1 13 2025");
}

#[test]
fn every_builtin_language_has_every_key() {
    for (lang, _) in BUILTIN {
        let c = Catalog::builtin(lang);
        assert!(c.missing().is_empty(), "{lang}: {:?}", c.missing());
        assert_eq!(c.list("dosage.weekdays").len(), 7, "{lang}");
        assert!(c.group("sheet").is_some());
    }
}

fn site(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("i18n")).unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join("i18n").join(name), text).unwrap();
    }
    dir
}

#[test]
fn a_site_changes_single_keys_and_hears_of_unknown_ones() {
    let dir = site(&[(
        "es.toml",
        "[nav]\nhome = \"Portada\"\n\n[sheet]\nvideo = \"Vídeo\"\nemergancy = \"Llame al 112.\"\n[navv]\nx = \"y\"\n",
    )]);
    let (c, diags) = Catalog::load(dir.path(), "es");
    assert_eq!(c.text("nav.home"), "Portada");
    assert_eq!(c.text("nav.search"), "Buscar");
    assert_eq!(diags.len(), 2, "{diags:?}");
    assert_eq!(diags[0].message, "unknown key `emergancy` in [sheet]");
    assert_eq!(diags[0].file, "i18n/es.toml");
    assert_eq!((diags[0].line, diags[0].col), (6, 1));
    assert_eq!(diags[0].field, "sheet.emergancy");
    assert_eq!(diags[0].help.as_deref(), Some("did you mean `emergency`?"));
    assert!(
        diags[1].message.starts_with("unknown table `navv`"),
        "{}",
        diags[1].message
    );
    assert_eq!(diags[1].help.as_deref(), Some("did you mean `nav`?"));
}

#[test]
fn a_site_value_of_the_wrong_shape_keeps_the_builtin_text() {
    let dir = site(&[(
        "en.toml",
        "[nav]\nhome = [\"a\"]\n[meta]\nmonths = [\"Jan\"]\n[dosage]\nsets = { one = \"{n} set\", other = \"{nn} sets\" }\nreps = { one = \"{n} rep\" }\n",
    )]);
    let (c, diags) = Catalog::load(dir.path(), "en");
    let messages: Vec<&str> = diags.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(messages.len(), 4, "{messages:?}");
    assert!(
        messages[0].contains("`nav.home`: this key is a text"),
        "{messages:?}"
    );
    assert!(
        messages[1].contains("the list has 1 items; it needs 12"),
        "{messages:?}"
    );
    assert!(messages[2].contains("the blank `{nn}`"), "{messages:?}");
    assert!(
        messages[3].contains("`dosage.reps` is a text with forms"),
        "{messages:?}"
    );
    assert_eq!(diags[3].line, 7);
    assert_eq!(c.text("nav.home"), "Home");
    assert_eq!(c.list("meta.months").len(), 12);
    assert_eq!(c.format("dosage.sets", &[("n", Arg::int(2))]), "2 sets");
}

#[test]
fn a_language_without_a_table_falls_back_to_english_and_says_so_once() {
    let dir = site(&[(
        "ar.toml",
        "[meta]\nname = \"العربية\"\ndir = \"rtl\"\n[nav]\nhome = \"الرئيسية\"\n",
    )]);
    let (c, diags) = Catalog::load(dir.path(), "ar");
    assert_eq!(c.text("nav.home"), "الرئيسية");
    assert_eq!(c.text("meta.dir"), "rtl");
    assert_eq!(c.text("nav.search"), "Search");
    let total = Catalog::builtin("en").entries.len();
    assert_eq!(c.missing().len(), total - 3);
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(diags[0].kind, Some(MISSING_KIND));
    assert!(
        diags[0]
            .message
            .starts_with(&format!("{} of the {total} words", total - 3)),
        "{}",
        diags[0].message
    );
    assert!(
        diags[0].message.contains("`builder.add_to_sheet`, "),
        "{}",
        diags[0].message
    );
    // English and a complete built-in language warn of nothing.
    assert!(Catalog::load(dir.path(), "en").1.is_empty());
    assert!(Catalog::load(dir.path(), "de").1.is_empty());
}

#[test]
fn a_broken_site_file_is_an_error_with_its_line() {
    let dir = site(&[("fr.toml", "[nav]\nhome = \"Accueil\nsearch = 1\n")]);
    let (c, diags) = Catalog::load(dir.path(), "fr");
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0].file, "i18n/fr.toml");
    assert_eq!(diags[0].line, 2);
    assert_eq!(c.text("nav.home"), "Accueil");
}
