//! Typed ids: an exercise, routine or guide is named by its place in the
//! site's list of them, and the type says which list.

macro_rules! id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub(crate) struct $name(usize);

        impl $name {
            /// The id of the item at `index` in its list.
            pub(crate) fn new(index: usize) -> Self {
                $name(index)
            }

            /// The item's place in its list.
            pub(crate) fn index(self) -> usize {
                self.0
            }
        }
    };
}

id!(
    /// An exercise: its place in `Content::exercises`.
    ExerciseId
);
id!(
    /// A routine: its place in `Content::routines`.
    RoutineId
);
id!(
    /// A guide: its place in `Content::guides`.
    GuideId
);
