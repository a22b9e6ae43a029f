//! The four vocabularies exercises are listed by (region, equipment,
//! category, position) as one enum, and each vocabulary's terms: the
//! built-in ones, relabelled and extended by `handout.toml`.

mod settings;

use settings::merge;
pub(crate) use settings::{TermSetting, TermTable};

use super::Content;
use std::collections::{BTreeMap, HashMap, HashSet};

/// One of the four vocabularies, in the order pages list them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Taxonomy {
    Region,
    Equipment,
    Category,
    Position,
}

impl Taxonomy {
    /// Every taxonomy, in the order pages list them.
    pub(crate) const ALL: [Taxonomy; 4] = [
        Taxonomy::Region,
        Taxonomy::Equipment,
        Taxonomy::Category,
        Taxonomy::Position,
    ];

    /// The field name and URL folder, e.g. `region`.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Taxonomy::Region => "region",
            Taxonomy::Equipment => "equipment",
            Taxonomy::Category => "category",
            Taxonomy::Position => "position",
        }
    }

    /// Every name, for "allowed:" lists and suggestions.
    pub(crate) fn names() -> [&'static str; 4] {
        Taxonomy::ALL.map(Taxonomy::name)
    }

    /// The heading pages show for it, e.g. "Body region".
    pub(crate) fn title(self) -> &'static str {
        match self {
            Taxonomy::Region => "Body region",
            Taxonomy::Equipment => "Equipment",
            Taxonomy::Category => "Type of exercise",
            Taxonomy::Position => "Position",
        }
    }

    /// Its place in [`Taxonomy::ALL`].
    pub(crate) fn index(self) -> usize {
        self as usize
    }

    /// The built-in terms and their labels.
    fn builtin(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Taxonomy::Region => &[
                ("neck", "Neck"),
                ("shoulders", "Shoulders"),
                ("upper-back", "Upper back"),
                ("mid-back", "Mid back"),
                ("lower-back", "Lower back"),
                ("chest", "Chest"),
                ("core", "Core"),
                ("hips", "Hips"),
            ],
            Taxonomy::Equipment => &[
                ("none", "No equipment"),
                ("foam-roller", "Foam roller"),
                ("resistance-band", "Resistance band"),
                ("dumbbell", "Dumbbell"),
                ("chair", "Chair"),
                ("wall", "Wall"),
                ("doorway", "Doorway"),
                ("towel", "Towel"),
                ("massage-balls", "Massage balls"),
                ("mat", "Mat"),
            ],
            Taxonomy::Category => &[
                ("mobility", "Mobility"),
                ("stability", "Stability"),
                ("stretch", "Stretch"),
                ("warm-up", "Warm-up"),
            ],
            Taxonomy::Position => &[
                ("standing", "Standing"),
                ("seated", "Seated"),
                ("supine", "Lying on your back"),
                ("prone", "Lying face down"),
                ("side-lying", "Lying on your side"),
                ("quadruped", "Hands and knees"),
                ("kneeling", "Kneeling"),
            ],
        }
    }
}

/// A term of one vocabulary: which taxonomy, and its place in that
/// vocabulary's list of terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct TermId {
    pub(crate) taxonomy: Taxonomy,
    pub(crate) index: usize,
}

/// One vocabulary: terms in order, with display labels.
#[derive(Debug, Clone)]
pub(crate) struct Vocabulary {
    pub(crate) taxonomy: Taxonomy,
    pub(crate) terms: Vec<(String, String)>,
    /// Built-in terms the site removed (`term = false`).
    pub(crate) removed: Vec<String>,
    /// Term → its place in `terms`.
    index: HashMap<String, usize>,
}

impl Vocabulary {
    /// The built-in terms of `taxonomy`, with the site's table applied.
    pub(crate) fn new(taxonomy: Taxonomy, table: Option<&TermTable>) -> Vocabulary {
        let (terms, removed) = merge(taxonomy.builtin(), table);
        Vocabulary::of(taxonomy, terms, removed)
    }

    fn of(taxonomy: Taxonomy, terms: Vec<(String, String)>, removed: Vec<String>) -> Vocabulary {
        let index = terms
            .iter()
            .enumerate()
            .map(|(i, (t, _))| (t.clone(), i))
            .collect();
        Vocabulary {
            taxonomy,
            terms,
            removed,
            index,
        }
    }

    /// The display label of `term`, if it is in this vocabulary.
    pub(crate) fn label(&self, term: &str) -> Option<&str> {
        self.index.get(term).map(|&i| self.terms[i].1.as_str())
    }

    /// Every term with its id, in order.
    pub(crate) fn ids(&self) -> impl Iterator<Item = (TermId, &str)> {
        self.terms.iter().enumerate().map(|(index, (t, _))| {
            (
                TermId {
                    taxonomy: self.taxonomy,
                    index,
                },
                t.as_str(),
            )
        })
    }

    /// Every term, for "allowed:" lists and suggestions.
    pub(crate) fn term_names(&self) -> impl Iterator<Item = &str> {
        self.terms.iter().map(|(t, _)| t.as_str())
    }

    /// Only the terms `used` accepts, in the same order.
    fn only(&self, used: impl Fn(&str) -> bool) -> Vocabulary {
        let terms = self
            .terms
            .iter()
            .filter(|(t, _)| used(t))
            .cloned()
            .collect();
        Vocabulary::of(self.taxonomy, terms, self.removed.clone())
    }
}

/// What a routine is for: the `goal` vocabulary (built-in: mobility,
/// stability, mixed), with the site's `[vocabulary.goal]` applied.
#[derive(Debug, Clone)]
pub(crate) struct Goals {
    pub(crate) terms: Vec<(String, String)>,
    pub(crate) removed: Vec<String>,
}

impl Goals {
    const BUILTIN: &'static [(&'static str, &'static str)] = &[
        ("mobility", "Loosen up (mobility)"),
        ("stability", "Get stronger (stability)"),
        ("mixed", "Loosen up and get stronger"),
    ];

    /// The label of goal `term`, if it is one.
    pub(crate) fn label(&self, term: &str) -> Option<&str> {
        self.terms
            .iter()
            .find(|(t, _)| t == term)
            .map(|(_, l)| l.as_str())
    }
}

/// The name of the routines' vocabulary in `[vocabulary.NAME]`.
pub(crate) const GOAL: &str = "goal";

/// The four vocabularies of a site, by taxonomy, and the routines' goals.
#[derive(Debug, Clone)]
pub(crate) struct Vocabularies {
    lists: [Vocabulary; 4],
    pub(crate) goals: Goals,
}

impl Vocabularies {
    /// Built-in terms, with the site's `[vocabulary.NAME]` tables applied.
    pub(crate) fn new(tables: &BTreeMap<String, TermTable>) -> Vocabularies {
        let (terms, removed) = merge(Goals::BUILTIN, tables.get(GOAL));
        Vocabularies {
            lists: Taxonomy::ALL.map(|t| Vocabulary::new(t, tables.get(t.name()))),
            goals: Goals { terms, removed },
        }
    }

    /// Every vocabulary, in taxonomy order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &Vocabulary> {
        self.lists.iter()
    }

    /// The term `id` names: (term, label).
    pub(crate) fn term(&self, id: TermId) -> (&str, &str) {
        let (term, label) = &self[id.taxonomy].terms[id.index];
        (term, label)
    }

    /// The vocabularies with only the terms that some exercise of `content`
    /// has: the ones pages, filters and term pages show.
    pub(crate) fn used_by(&self, content: &Content) -> Vocabularies {
        let lists = Taxonomy::ALL.map(|t| {
            let used: HashSet<&str> = content
                .exercises
                .iter()
                .flat_map(|e| e.terms(t).iter().map(String::as_str))
                .collect();
            self[t].only(|term| used.contains(term))
        });
        Vocabularies {
            lists,
            goals: self.goals.clone(),
        }
    }
}

impl std::ops::Index<Taxonomy> for Vocabularies {
    type Output = Vocabulary;
    fn index(&self, t: Taxonomy) -> &Vocabulary {
        &self.lists[t.index()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_in_page_order() {
        for (i, t) in Taxonomy::ALL.into_iter().enumerate() {
            assert_eq!(t.index(), i);
        }
        assert_eq!(
            Taxonomy::names(),
            ["region", "equipment", "category", "position"]
        );
    }

    #[test]
    fn relabels_and_extends() {
        let label = |t: &str, l: &str| (t.to_string(), TermSetting::Label(l.to_string()));
        let extra = BTreeMap::from([(
            "region".to_string(),
            TermTable(vec![
                label("wrists", "Wrists"),
                label("neck", "Neck and throat"),
            ]),
        )]);
        let v = Vocabularies::new(&extra);
        let region = &v[Taxonomy::Region];
        assert_eq!(region.label("neck"), Some("Neck and throat"));
        // Unmentioned built-in terms first, then the table's in its order.
        let names: Vec<&str> = region.term_names().collect();
        assert_eq!(
            names,
            [
                "shoulders",
                "upper-back",
                "mid-back",
                "lower-back",
                "chest",
                "core",
                "hips",
                "wrists",
                "neck"
            ]
        );
        let (neck, _) = region.ids().last().unwrap();
        assert_eq!(v.term(neck), ("neck", "Neck and throat"));
        assert_eq!(v[Taxonomy::Equipment].label("none"), Some("No equipment"));
    }

    #[test]
    fn false_removes_a_term_and_goal_is_a_vocabulary() {
        let extra = BTreeMap::from([
            (
                "region".to_string(),
                TermTable(vec![("hips".to_string(), TermSetting::Off)]),
            ),
            (
                "goal".to_string(),
                TermTable(vec![
                    (
                        "strength".to_string(),
                        TermSetting::Label("Get stronger".into()),
                    ),
                    ("mixed".to_string(), TermSetting::Off),
                ]),
            ),
        ]);
        let v = Vocabularies::new(&extra);
        assert_eq!(v[Taxonomy::Region].label("hips"), None);
        assert_eq!(v[Taxonomy::Region].removed, ["hips"]);
        assert_eq!(v.goals.label("strength"), Some("Get stronger"));
        assert_eq!(v.goals.label("mixed"), None);
        assert_eq!(v.goals.label("mobility"), Some("Loosen up (mobility)"));
    }
}
