//! What a results page shows: dosage, regions and a highlighted snippet;
//! filters with counts that keep their state in the URL.

use super::*;

#[test]
fn results_show_dosage_regions_and_a_highlighted_snippet() {
    let Some(chrome) = chromium("results_show_dosage_regions_and_a_highlighted_snippet") else {
        return;
    };
    let dom = dump_dom(
        &chrome,
        &format!("{}/search.html?q=shoulder+blade", file_url(site())),
    );
    let results = element(&dom, "ol", "search-results");
    let first = &results[..results.find("</li>").unwrap()];
    assert!(first.contains("<mark>blades</mark>"), "{first}");
    let first = text(first);
    assert!(first.contains("Shoulder blade squeeze"), "{first}");
    assert!(
        first.contains("2–3 sets of 10 reps"),
        "dosage line: {first}"
    );
    assert!(first.contains("Shoulders, Upper back"), "regions: {first}");
    let status = text(element(&dom, "p", "search-status"));
    assert!(status.contains("results for “shoulder blade”"), "{status}");
}

#[test]
fn filters_show_counts_and_keep_their_state_in_the_url() {
    let Some(chrome) = chromium("filters_show_counts_and_keep_their_state_in_the_url") else {
        return;
    };
    let dom = dump_dom(
        &chrome,
        &format!("{}search.html?q=neck&equipment=none", server()),
    );
    let facets = element(&dom, "div", "search-facets");
    for legend in ["Body region", "Equipment", "Type of exercise", "Position"] {
        assert!(
            facets.contains(&format!("<legend>{legend}</legend>")),
            "{facets}"
        );
    }
    let none = facets
        .split("<label")
        .find(|l| l.contains("value=\"none\""))
        .expect("a 'No equipment' checkbox");
    assert!(none.contains("checked"), "{none}");
    let n = result_links(&dom).len();
    assert!(
        text(none).contains(&format!("No equipment ({n})")),
        "count of the checked term = number of results ({n}): {}",
        text(none)
    );
    // Counts follow the query: a term that no neck result has is hidden.
    let supine = facets
        .split("<label")
        .find(|l| l.contains("value=\"supine\""))
        .unwrap();
    assert!(supine.contains("hidden"), "{supine}");
    let seated = facets
        .split("<label")
        .find(|l| l.contains("value=\"seated\""))
        .unwrap();
    assert!(
        !seated.contains("hidden") && text(seated).contains("Seated (2)"),
        "{seated}"
    );
}
