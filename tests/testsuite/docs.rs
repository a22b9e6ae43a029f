//! What the documentation promises: the deploy recipes run the README's
//! commands and build a site, and docs/templates.md lists exactly the
//! variables the templates receive.

use crate::common::*;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A folder holding `handout` (the binary under test) for `PATH`.
fn bin_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(bin(), dir.path().join("handout")).unwrap();
    dir
}

fn path_with(dir: &Path) -> String {
    format!("{}:/usr/bin:/bin", dir.display())
}

/// The repository address that Cargo.toml names.
fn repository() -> String {
    let manifest: toml::Table = read(repo().join("Cargo.toml")).parse().unwrap();
    manifest["package"]["repository"]
        .as_str()
        .unwrap()
        .to_string()
}

/// Runs `script` with sh in `dir`; panics with its output on failure.
fn sh(dir: &Path, script: &str, env: &[(&str, &str)]) {
    let out = Command::new("sh")
        .args(["-c", script])
        .current_dir(dir)
        .envs(env.iter().copied())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "`{script}` failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        stderr(&out)
    );
}

#[test]
fn the_readme_shows_the_recipes_as_they_are_in_deploy() {
    let readme = read(repo().join("README.md"));
    let install = format!("cargo install --locked --git {} handout", repository());
    assert!(readme.contains(&install), "the README's install command");
    assert!(
        readme.contains("handout build --base-url"),
        "the README's build command"
    );
    for recipe in ["deploy/github-pages.yml", "deploy/gitlab-ci.yml"] {
        let text = read(repo().join(recipe));
        assert!(
            readme.contains(&format!("```yaml\n{text}```")),
            "README lacks {recipe} as it is"
        );
    }
    // A new site gets the same workflow.
    let site = new_site();
    assert_eq!(
        read(site.path().join(".github/workflows/pages.yml")),
        read(repo().join("deploy/github-pages.yml"))
    );
}

#[test]
fn the_github_pages_workflow_installs_handout_and_builds_as_the_readme_says() {
    let workflow: serde_yaml::Value =
        serde_yaml::from_str(&read(repo().join("deploy/github-pages.yml"))).unwrap();
    let steps = workflow["jobs"]["build"]["steps"].as_sequence().unwrap();
    let runs: Vec<&str> = steps.iter().filter_map(|s| s["run"].as_str()).collect();
    let install = format!("cargo install --locked --git {} handout", repository());
    assert_eq!(
        runs,
        [install.as_str(), runs[1]],
        "two commands: install, build"
    );
    assert!(
        runs[1].starts_with("handout build --base-url "),
        "{}",
        runs[1]
    );
    let uses: Vec<&str> = steps.iter().filter_map(|s| s["uses"].as_str()).collect();
    for action in [
        "actions/checkout@",
        "actions/cache@",
        "actions/configure-pages@",
        "actions/upload-pages-artifact@",
    ] {
        assert!(uses.iter().any(|u| u.starts_with(action)), "no {action}");
    }
    let upload = steps
        .iter()
        .find(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("actions/upload-pages-artifact@"))
        })
        .unwrap();
    let published = upload["with"]["path"].as_str().unwrap();
    let deploy = workflow["jobs"]["deploy"]["steps"][0]["uses"]
        .as_str()
        .unwrap();
    assert!(deploy.starts_with("actions/deploy-pages@"));
    // The cache keeps what `cargo install` puts in ~/.cargo.
    let cached = steps
        .iter()
        .find_map(|s| s["with"]["path"].as_str().filter(|p| p.contains(".cargo")))
        .unwrap();
    assert!(cached.contains("~/.cargo/bin/handout"));

    // The build step, run as the runner would, on a new site: GitHub's
    // expression becomes the address configure-pages reports.
    let site = new_site();
    let bins = bin_dir();
    let command = runs[1].replace(
        "${{ steps.pages.outputs.base_url }}",
        "https://clinic.github.io/handbook",
    );
    sh(site.path(), &command, &[("PATH", &path_with(bins.path()))]);
    let page = read(
        site.path()
            .join(published)
            .join("exercises/band-pull-apart.html"),
    );
    assert!(page.contains("https://clinic.github.io/handbook/exercises/band-pull-apart.html"));
}

#[test]
fn the_gitlab_recipe_builds_into_public_at_the_pages_address() {
    let ci: serde_yaml::Value =
        serde_yaml::from_str(&read(repo().join("deploy/gitlab-ci.yml"))).unwrap();
    let job = &ci["pages"];
    assert_eq!(job["image"].as_str(), Some("rust:slim"));
    assert_eq!(
        job["variables"]["HANDOUT_GIT"].as_str(),
        Some(repository().as_str())
    );
    assert_eq!(job["artifacts"]["paths"][0].as_str(), Some("public"));
    let script: Vec<&str> = job["script"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap())
        .collect();
    assert!(script[0].starts_with("cargo install --locked --root .handout --git \"$HANDOUT_GIT\""));
    assert!(job["cache"]["paths"][0].as_str() == Some(".handout/"));
    // The build line, with handout where `cargo install --root .handout` puts it.
    let site = new_site();
    fs::create_dir_all(site.path().join(".handout/bin")).unwrap();
    std::os::unix::fs::symlink(bin(), site.path().join(".handout/bin/handout")).unwrap();
    assert!(script[1].contains("handout build --base-url"));
    sh(
        site.path(),
        script[1],
        &[("CI_PAGES_URL", "https://clinic.gitlab.io/handbook")],
    );
    assert!(
        read(site.path().join("public/index.html")).contains("https://clinic.gitlab.io/handbook/")
    );
}

#[test]
fn build_sh_uses_an_installed_handout_and_passes_its_arguments() {
    let netlify: toml::Table = read(repo().join("deploy/netlify.toml")).parse().unwrap();
    let command = netlify["build"]["command"].as_str().unwrap();
    assert_eq!(netlify["build"]["publish"].as_str(), Some("public"));
    assert!(command.starts_with("sh build.sh --base-url"));
    let script = read(repo().join("deploy/build.sh"));
    assert!(script.contains(&repository()));
    assert!(script.contains("cargo install --locked --git"));

    let site = new_site();
    fs::copy(repo().join("deploy/build.sh"), site.path().join("build.sh")).unwrap();
    let home = tempfile::tempdir().unwrap();
    let bins = bin_dir();
    let home_s = home.path().display().to_string();
    sh(
        site.path(),
        command,
        &[
            ("PATH", &path_with(bins.path())),
            ("HOME", &home_s),
            ("URL", "https://clinic.netlify.app"),
        ],
    );
    assert!(read(site.path().join("public/index.html")).contains("https://clinic.netlify.app/"));
    assert!(
        !home.path().join(".cargo").exists(),
        "nothing is installed when handout is there"
    );
}

/// Tera prints a template's whole context for `{{ __tera_context }}`, in
/// JSON except that a null prints as nothing; this puts the nulls back.
fn tera_dump_to_json(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut in_str, mut escaped, mut want_value) = (false, false, false);
    for c in text.chars() {
        if in_str {
            out.push(c);
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_str = false,
                _ => {}
            }
            continue;
        }
        if c.is_whitespace() {
            out.push(c);
            continue;
        }
        if want_value && matches!(c, ',' | ']' | '}') {
            out.push_str("null");
        }
        want_value = matches!(c, ':' | ',' | '[');
        if c == '"' {
            in_str = true;
        }
        out.push(c);
    }
    out
}

/// Every path in a value: `site.clinic.name`, `routines[].title` …
fn paths(v: &serde_json::Value, prefix: &str, out: &mut BTreeSet<String>) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, x) in map {
                let p = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                out.insert(p.clone());
                paths(x, &p, out);
            }
        }
        serde_json::Value::Array(items) => {
            for x in items {
                paths(x, &format!("{prefix}[]"), out);
            }
        }
        _ => {}
    }
}

/// A documented variable: its name, whether it is a list, and its kind.
type Var = (String, bool, Option<String>);
/// Each section of docs/templates.md (a template or an object) and its variables.
type Sections = BTreeMap<String, Vec<Var>>;

/// The variables docs/templates.md promises, per template, as paths.
fn documented() -> BTreeMap<String, BTreeSet<String>> {
    let doc = read(repo().join("docs/templates.md"));
    // Section → [(name, list?, kind)].
    let mut sections: Sections = BTreeMap::new();
    let mut current = String::new();
    for line in doc.lines() {
        if let Some(h) = line
            .strip_prefix("## ")
            .or_else(|| line.strip_prefix("### "))
        {
            current = h.trim().to_string();
            sections.entry(current.clone()).or_default();
            continue;
        }
        let Some(rest) = line.strip_prefix("- `") else {
            continue;
        };
        let Some((name, after)) = rest.split_once('`') else {
            continue;
        };
        let (list, kind) = match after.strip_prefix(" (") {
            Some(k) => {
                let inner = k.split(')').next().unwrap();
                let list = inner.starts_with("list of ");
                let kind = inner.trim_start_matches("list of ").trim_matches('*');
                (list, Some(kind.to_string()))
            }
            None => (false, None),
        };
        sections
            .get_mut(&current)
            .unwrap()
            .push((name.to_string(), list, kind));
    }
    fn expand(sections: &Sections, vars: &[Var], prefix: &str, out: &mut BTreeSet<String>) {
        for (name, list, kind) in vars {
            let p = if prefix.is_empty() {
                name.clone()
            } else {
                format!("{prefix}.{name}")
            };
            out.insert(p.clone());
            if let Some(kind) = kind {
                let fields = sections
                    .get(kind)
                    .unwrap_or_else(|| panic!("docs/templates.md has no `### {kind}`"));
                let inner = if *list { format!("{p}[]") } else { p.clone() };
                expand(sections, fields, &inner, out);
            }
        }
    }
    let mut every = BTreeSet::new();
    expand(&sections, &sections["Every template"], "", &mut every);
    sections
        .iter()
        .filter(|(name, _)| name.ends_with(".html"))
        .map(|(name, vars)| {
            let mut set = every.clone();
            expand(&sections, vars, "", &mut set);
            (name.clone(), set)
        })
        .collect()
}

#[test]
fn docs_templates_lists_exactly_the_variables_each_template_receives() {
    // The sample handbook, with every page template replaced by a dump of
    // its context (named on the first line).
    let site = tempfile::tempdir().unwrap();
    for part in ["handout.toml", "content", "static"] {
        let from = repo().join(part);
        if from.is_dir() {
            copy_dir(&from, &site.path().join(part));
        } else if from.is_file() {
            fs::copy(&from, site.path().join(part)).unwrap();
        }
    }
    let templates: Vec<String> = fs::read_dir(repo().join("templates"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".html") && n != "base.html" && n != "sheet_base.html")
        .collect();
    let dir = site.path().join("templates");
    fs::create_dir_all(&dir).unwrap();
    for t in &templates {
        fs::write(dir.join(t), format!("{t}\n{{{{ __tera_context | safe }}}}")).unwrap();
    }
    let out = run(site.path(), &["build", "-q"]);
    assert!(out.status.success(), "{}", stderr(&out));

    let mut received: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let files: Vec<PathBuf> = walkdir::WalkDir::new(site.path().join("public"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| e.into_path())
        .collect();
    for file in files {
        let text = read(&file);
        let (name, dump) = text.split_once('\n').unwrap();
        let value: serde_json::Value = serde_json::from_str(&tera_dump_to_json(dump))
            .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        paths(&value, "", received.entry(name.to_string()).or_default());
    }
    let documented = documented();
    let names = |m: &BTreeMap<String, BTreeSet<String>>| m.keys().cloned().collect::<Vec<_>>();
    assert_eq!(
        names(&documented),
        names(&received),
        "templates documented vs rendered"
    );
    let mut problems = Vec::new();
    for (template, got) in &received {
        let doc = &documented[template];
        for p in got.difference(doc) {
            problems.push(format!("{template}: `{p}` is not documented"));
        }
        for p in doc.difference(got) {
            problems.push(format!("{template}: `{p}` is documented but not received"));
        }
    }
    assert!(
        problems.is_empty(),
        "docs/templates.md is out of date:\n{}",
        problems.join("\n")
    );
}

#[test]
fn null_values_in_a_tera_dump_become_json_nulls() {
    let fixed = tera_dump_to_json(r#"{"a": , "b": [, "x, ]"], "c": "q\": ,", "d": }"#);
    let v: serde_json::Value = serde_json::from_str(&fixed).unwrap();
    assert!(v["a"].is_null() && v["b"][0].is_null() && v["d"].is_null());
    assert_eq!(v["b"][1], "x, ]");
    assert_eq!(v["c"], "q\": ,");
}
