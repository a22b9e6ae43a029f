//! Bad content that used to pass, or to fail inside a built-in template:
//! each case's exact message (snapshots; `SNAPSHOTS=overwrite cargo test`
//! rewrites them), with file, line and field.

use crate::common::*;
use snapbox::{assert_data_eq, str, IntoData};

/// A copy of the basic fixture with `files` written over it.
fn site(files: &[(&str, &str)]) -> SiteTest {
    files
        .iter()
        .fold(SiteTest::fixture("basic"), |s, (p, t)| s.file(p, t))
}

/// `handout check` on `site`: its exit code and what it printed.
fn check(site: &SiteTest) -> (Option<i32>, String) {
    let out = site.run(&["check"]);
    (out.status.code(), stderr(&out))
}

fn routine(sections: &str) -> String {
    format!("---\ntitle: Desk routine\nsummary: Three moves.\ngoal: mixed\n{sections}cautions: []\n---\nBody.\n")
}

const EXERCISE_FIELDS: &str = "summary: S.\nregion: [neck]\nequipment: [none]\ncategory: mobility\nposition: seated\ndosage: { reps: 10 }\n";

fn exercise(title: &str, cautions: &str) -> String {
    format!("---\ntitle: {title}\n{EXERCISE_FIELDS}cautions: {cautions}\n---\n## Tips\n\nBody.\n")
}

#[test]
fn empty_sections_and_exercise_lists_are_content_errors() {
    let s = site(&[("content/routines/desk.md", &routine("sections: []\n"))]);
    let (code, err) = check(&s);
    assert_eq!(code, Some(1));
    assert_data_eq!(
        err,
        str![[r#"
warning: exercise `prone-w` is in no routine
  --> content/exercises/prone-w.md
  = help: add it to a routine's `sections`, so patients find it in a programme

warning: exercise `scapular-squeeze` is in no routine
  --> content/exercises/scapular-squeeze.md
  = help: add it to a routine's `sections`, so patients find it in a programme

warning: exercise `wall-angels` is in no routine
  --> content/exercises/wall-angels.md
  = help: add it to a routine's `sections`, so patients find it in a programme

error: routine has no sections
  --> content/routines/desk.md:5:11 (field `sections`)
  |
4 | goal: mixed
5 | sections: []
  |           ^^
6 | cautions: []
  |
  = help: list at least one section: `sections:` then `  - name: Warm-up` and `    exercises: [slug, …]`

Check failed: 1 error, 3 warnings: 3 exercise_in_no_routine.

"#]].raw()
    );
    let s = site(&[(
        "content/routines/desk.md",
        &routine("sections:\n  - name: Warm-up\n    exercises: []\n  - name: Strengthen\n    exercises: [wall-angels, prone-w, scapular-squeeze]\n"),
    )]);
    let (code, err) = check(&s);
    assert_eq!(code, Some(1));
    assert_data_eq!(
        err,
        str![[r#"
error: section `Warm-up` lists no exercises
  --> content/routines/desk.md:7:16 (field `sections.exercises`)
  |
6 |   - name: Warm-up
7 |     exercises: []
  |                ^^
8 |   - name: Strengthen
  |
  = help: list the exercises of the section by slug, e.g. `exercises: [wall-angels]`, or remove the section

Check failed: 1 error.

"#]].raw()
    );
}

#[test]
fn null_blank_and_invisible_titles_are_content_errors() {
    let s = site(&[
        ("content/exercises/prone-w.md", &exercise("~", "[]")),
        (
            "content/exercises/wall-angels.md",
            &exercise("\"   \"", "[]"),
        ),
        (
            "content/exercises/scapular-squeeze.md",
            &exercise("\"\\u200B\\u2060\"", "[]"),
        ),
    ]);
    let (code, err) = check(&s);
    assert_eq!(code, Some(1));
    assert_data_eq!(
        err,
        str![[r#"
warning: the exercise has no numbered steps
  --> content/exercises/prone-w.md
  = help: write the steps as a numbered list (`1. …`, `2. …`): printed sheets show them

error: field `title` is empty
  --> content/exercises/prone-w.md:2:1 (field `title`)
  |
1 | ---
2 | title: ~
  | ^^^^^
3 | summary: S.
  |
  = help: write the title after `title: `; it is required

warning: the exercise has no numbered steps
  --> content/exercises/scapular-squeeze.md
  = help: write the steps as a numbered list (`1. …`, `2. …`): printed sheets show them

error: field `title` has only invisible characters
  --> content/exercises/scapular-squeeze.md:2:8 (field `title`)
  |
1 | ---
2 | title: "\u200B\u2060"
  |        ^^^^^^^^^^^^^
3 | summary: S.
  |
  = help: write the title in words; it is the page's heading and the text of every link to it

warning: the exercise has no numbered steps
  --> content/exercises/wall-angels.md
  = help: write the steps as a numbered list (`1. …`, `2. …`): printed sheets show them

error: field `title` is empty
  --> content/exercises/wall-angels.md:2:1 (field `title`)
  |
1 | ---
2 | title: "   "
  | ^^^^^
3 | summary: S.
  |
  = help: write the title after `title: `; it is required

Check failed: 3 errors, 3 warnings: 3 no_steps.

"#]]
        .raw()
    );
}

#[test]
fn null_and_blank_cautions_are_content_errors() {
    let s = site(&[
        ("content/exercises/prone-w.md", &exercise("Prone W", "~")),
        (
            "content/exercises/wall-angels.md",
            &exercise("Wall angels", "[\"\", \"Stop if it hurts.\", \"\\u200B\"]"),
        ),
    ]);
    let (code, err) = check(&s);
    assert_eq!(code, Some(1));
    assert_data_eq!(
        err,
        str![[r#"
warning: the exercise has no numbered steps
  --> content/exercises/prone-w.md
  = help: write the steps as a numbered list (`1. …`, `2. …`): printed sheets show them

error: field `cautions` is empty
  --> content/exercises/prone-w.md:9:1 (field `cautions`)
   |
 8 | dosage: { reps: 10 }
 9 | cautions: ~
   | ^^^^^^^^
10 | ---
   |
  = help: list them, e.g. `cautions: [Stop if it hurts.]`, or write `cautions: []` if there are none

warning: the exercise has no numbered steps
  --> content/exercises/wall-angels.md
  = help: write the steps as a numbered list (`1. …`, `2. …`): printed sheets show them

error: 2 cautions in `cautions` are empty
  --> content/exercises/wall-angels.md:9:1 (field `cautions`)
   |
 8 | dosage: { reps: 10 }
 9 | cautions: ["", "Stop if it hurts.", "\u200B"]
   | ^^^^^^^^
10 | ---
   |
  = help: write each caution as a sentence, or use `cautions: []` if there are none

Check failed: 2 errors, 2 warnings: 2 no_steps.

"#]]
        .raw()
    );
}

#[test]
fn common_yaml_slips_get_a_hint_with_the_fix() {
    let s = site(&[
        (
            "content/exercises/colon.md",
            &format!("---\ntitle: Hamstrings: the Nordic curl\n{EXERCISE_FIELDS}cautions: []\n---\n"),
        ),
        (
            "content/exercises/tab.md",
            &format!("---\ntitle: Tabs\n{EXERCISE_FIELDS}cautions:\n\t- Go slowly.\n---\n"),
        ),
        (
            "content/exercises/dash.md",
            &format!("---\ntitle: Dash\n{EXERCISE_FIELDS}cautions:\n  - Go slowly.\n  -Stop if it hurts.\n---\n"),
        ),
        (
            "content/exercises/quote.md",
            &format!("---\ntitle: \"Wall angels\n{EXERCISE_FIELDS}cautions: []\n---\n"),
        ),
        (
            "content/exercises/term.md",
            "---\ntitle: Term\nsummary: S.\nregion:\n  -neck\nequipment: [none]\ncategory: mobility\nposition: seated\ndosage: { reps: 10 }\ncautions: []\n---\n",
        ),
    ]);
    let (code, err) = check(&s);
    assert_eq!(code, Some(1));
    assert_data_eq!(
        err,
        str![[r#"
error: front-matter is not valid YAML: mapping values are not allowed in this context
  --> content/exercises/colon.md:2:8 (field `title`)
  |
1 | ---
2 | title: Hamstrings: the Nordic curl
  |        ^
3 | summary: S.
  |
  = help: a value with `: ` in it must be in quotes: `title: "Hamstrings: the Nordic curl"`

error: front-matter is not valid YAML: could not find expected ':'
  --> content/exercises/dash.md:11:3 (field `cautions`)
   |
10 |   - Go slowly.
11 |   -Stop if it hurts.
   |   ^
12 | ---
   |
  = help: put a space after `-` to start a list item: `- Stop if it hurts.`

error: front-matter is not valid YAML: found unexpected end of stream
  --> content/exercises/quote.md:2:8 (field `title`)
  |
1 | ---
2 | title: "Wall angels
  |        ^
3 | summary: S.
  |
  = help: the quote " opened here is never closed: end the value with " on the same line

error: front-matter is not valid YAML: found character that cannot start any token
  --> content/exercises/tab.md:10:1 (field `cautions`)
   |
 9 | cautions:
10 | 	- Go slowly.
   | ^
11 | ---
   |
  = help: YAML does not allow tabs for indenting: indent with spaces (two for each level); most editors can turn tabs into spaces

warning: exercise `term` is in no routine
  --> content/exercises/term.md
  = help: add it to a routine's `sections`, so patients find it in a programme

warning: the exercise has no numbered steps
  --> content/exercises/term.md
  = help: write the steps as a numbered list (`1. …`, `2. …`): printed sheets show them

error: unknown region `-neck`
  --> content/exercises/term.md:5:3 (field `region`)
  |
4 | region:
5 |   -neck
  |   ^^^^^
6 | equipment: [none]
  |
  = allowed: neck, shoulders, upper-back, mid-back, lower-back, chest, core, hips
  = help: put a space after `-` to start a list item: `- neck`

Check failed: 5 errors, 2 warnings: 1 exercise_in_no_routine, 1 no_steps.

"#]].raw()
    );
}

#[test]
fn did_you_mean_never_names_a_rejected_file() {
    let s = site(&[
        ("content/exercises/3_4_Sit-Up.md", &exercise("Sit-up", "[]")),
        (
            "content/routines/desk.md",
            &routine("sections:\n  - name: All\n    exercises: [wall-angels, prone-w, scapular-squeeze, 3-4-sit-up]\n"),
        ),
        (
            "content/guides/extra.md",
            "---\ntitle: Help\n---\nSee [the sit-up](../exercises/3_4_sit-up.md).\n",
        ),
    ]);
    let (code, err) = check(&s);
    assert_eq!(code, Some(1));
    assert_data_eq!(
        err,
        str![[r#"
error: file name `3_4_Sit-Up` cannot be used as a page address
  --> content/exercises/3_4_Sit-Up.md
  = allowed: lower-case letters a–z, digits 0–9 and '-' (e.g. `wall-angels`)
  = help: rename the file to `3-4-sit-up.md`, or set `slug: 3-4-sit-up`

warning: exercise `3_4_Sit-Up` is in no routine
  --> content/exercises/3_4_Sit-Up.md
  = help: add it to a routine's `sections`, so patients find it in a programme

warning: the exercise has no numbered steps
  --> content/exercises/3_4_Sit-Up.md
  = help: write the steps as a numbered list (`1. …`, `2. …`): printed sheets show them

error: link `../exercises/3_4_sit-up.md` points to a page that does not exist (content/exercises/3_4_sit-up.md)
  --> content/guides/extra.md:4:5
  |
3 | ---
4 | See [the sit-up](../exercises/3_4_sit-up.md).
  |     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  |

error: `3-4-sit-up` in `sections` is not an exercise
  --> content/routines/desk.md:7:57 (field `sections`)
  |
6 |   - name: All
7 |     exercises: [wall-angels, prone-w, scapular-squeeze, 3-4-sit-up]
  |                                                         ^^^^^^^^^^
8 | cautions: []
  |
  = allowed: the slug of a file in content/exercises/ (its file name without .md)

Check failed: 3 errors, 2 warnings: 1 exercise_in_no_routine, 1 no_steps.

"#]].raw()
    );
}
