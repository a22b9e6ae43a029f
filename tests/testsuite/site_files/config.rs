//! The paths and the web address in handout.toml, checked with positions.

use super::*;

#[test]
fn config_paths_and_base_url_are_checked_with_positions() {
    let s = SiteTest::fixture("basic");
    let toml = s.read("handout.toml");
    let s = s.file(
        "handout.toml",
        &toml
            .replace("https://fixture.example/handbook/", "https://")
            .replace("[clinic]", "[clinic]\nlogo = \"../../etc/passwd\""),
    );
    let (code, err) = check(&s);
    assert_eq!(code, Some(1));
    assert_data_eq!(
        err,
        str![[r#"
error: base_url `https://` has no host name after `://`
  --> handout.toml:2:12 (field `base_url`)
  |
1 | title = "Fixture Handbook"
2 | base_url = "https://"
  |            ^^^^^^^^^^
3 | paper = "Letter"
  |
  = allowed: a path starting with `/` such as "/" or "/handbook/", or a web address with a host such as "https://clinic.example/handbook/"

error: logo `../../etc/passwd` climbs out of static/ with `..`
  --> handout.toml:6:8 (field `clinic.logo`)
  |
5 | [clinic]
6 | logo = "../../etc/passwd"
  |        ^^^^^^^^^^^^^^^^^^
7 | name = "Fixture Clinic"
  |
  = allowed: a path under static/, e.g. `images/logo.svg` for static/images/logo.svg

Check failed: 2 errors.

"#]].raw()
    );
    let out = s.run(&["check", "--base-url", "clinic.example"]);
    assert_eq!(out.status.code(), Some(1));
    assert_data_eq!(
        stderr(&out),
        str![[r#"
error: base_url `clinic.example` is neither a path starting with `/` nor a web address
  --> --base-url (field `base_url`)
  = allowed: a path starting with `/` such as "/" or "/handbook/", or a web address with a host such as "https://clinic.example/handbook/"

error: logo `../../etc/passwd` climbs out of static/ with `..`
  --> handout.toml:6:8 (field `clinic.logo`)
  |
5 | [clinic]
6 | logo = "../../etc/passwd"
  |        ^^^^^^^^^^^^^^^^^^
7 | name = "Fixture Clinic"
  |
  = allowed: a path under static/, e.g. `images/logo.svg` for static/images/logo.svg

Check failed: 2 errors.

"#]].raw()
    );
}

#[test]
fn upper_case_web_addresses_are_absolute() {
    let s = SiteTest::fixture("basic");
    let toml = s.read("handout.toml");
    let s = s.file(
        "handout.toml",
        &toml.replace("https://fixture.example/handbook/", "HTTPS://A.EXAMPLE/"),
    );
    let out = s.run(&["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        !stderr(&out).contains("no QR code"),
        "an absolute address in capitals still prints QR codes: {}",
        stderr(&out)
    );
    let page = s.read("public/exercises/wall-angels.html");
    assert!(
        page.contains("HTTPS://A.EXAMPLE/exercises/wall-angels.html"),
        "canonical link: {page}"
    );
}
