//! The four vocabularies exercises are listed by (region, equipment,
//! category, position) as one enum, and each vocabulary's terms: the
//! built-in ones, relabelled and extended by `handout.toml`.

use std::collections::BTreeMap;

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

    /// The taxonomy named `name` (a front-matter field or a
    /// `[vocabulary.NAME]` table).
    pub(crate) fn from_name(name: &str) -> Option<Taxonomy> {
        Taxonomy::ALL.into_iter().find(|t| t.name() == name)
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
}

impl Vocabulary {
    /// The built-in terms of `taxonomy`, relabelled and extended by `extra`
    /// (term → label, from `handout.toml`).
    pub(crate) fn new(taxonomy: Taxonomy, extra: Option<&BTreeMap<String, String>>) -> Vocabulary {
        let mut terms: Vec<(String, String)> = taxonomy
            .builtin()
            .iter()
            .map(|(t, l)| (t.to_string(), l.to_string()))
            .collect();
        for (term, label) in extra.into_iter().flatten() {
            match terms.iter_mut().find(|(t, _)| t == term) {
                Some(slot) => slot.1 = label.clone(),
                None => terms.push((term.clone(), label.clone())),
            }
        }
        Vocabulary { taxonomy, terms }
    }

    /// The display label of `term`, if it is in this vocabulary.
    pub(crate) fn label(&self, term: &str) -> Option<&str> {
        self.terms
            .iter()
            .find(|(t, _)| t == term)
            .map(|(_, l)| l.as_str())
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
}

/// The four vocabularies of a site, by taxonomy.
#[derive(Debug, Clone)]
pub(crate) struct Vocabularies([Vocabulary; 4]);

impl Vocabularies {
    /// Built-in terms, relabelled and extended by `[vocabulary.NAME]` tables.
    pub(crate) fn new(extra: &BTreeMap<String, BTreeMap<String, String>>) -> Vocabularies {
        Vocabularies(Taxonomy::ALL.map(|t| Vocabulary::new(t, extra.get(t.name()))))
    }

    /// Every vocabulary, in taxonomy order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &Vocabulary> {
        self.0.iter()
    }

    /// The term `id` names: (term, label).
    pub(crate) fn term(&self, id: TermId) -> (&str, &str) {
        let (term, label) = &self[id.taxonomy].terms[id.index];
        (term, label)
    }
}

impl std::ops::Index<Taxonomy> for Vocabularies {
    type Output = Vocabulary;
    fn index(&self, t: Taxonomy) -> &Vocabulary {
        &self.0[t.index()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_in_page_order() {
        for (i, t) in Taxonomy::ALL.into_iter().enumerate() {
            assert_eq!(Taxonomy::from_name(t.name()), Some(t));
            assert_eq!(t.index(), i);
        }
        assert_eq!(Taxonomy::from_name("regions"), None);
        assert_eq!(
            Taxonomy::names(),
            ["region", "equipment", "category", "position"]
        );
    }

    #[test]
    fn relabels_and_extends() {
        let extra = BTreeMap::from([(
            "region".to_string(),
            BTreeMap::from([
                ("neck".to_string(), "Neck and throat".to_string()),
                ("wrists".to_string(), "Wrists".to_string()),
            ]),
        )]);
        let v = Vocabularies::new(&extra);
        let region = &v[Taxonomy::Region];
        assert_eq!(region.label("neck"), Some("Neck and throat"));
        let (wrists, _) = region.ids().last().unwrap();
        assert_eq!(v.term(wrists), ("wrists", "Wrists"));
        assert_eq!(wrists.index, region.terms.len() - 1);
        assert_eq!(v[Taxonomy::Equipment].label("none"), Some("No equipment"));
    }
}
