//! Numbers as a reader sees them, and the plural category (CLDR) a number
//! takes in each language, so a choice can pick "1 set" or "2 sets".

/// A number as written: `digits` with `scale` of them after the point
/// (`2.5` is 25 with scale 1; `2` is 2 with scale 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Number {
    digits: u64,
    scale: u8,
}

impl Number {
    /// A whole number.
    pub(crate) fn int(n: u64) -> Number {
        Number {
            digits: n,
            scale: 0,
        }
    }

    /// A number held in tenths, written without `.0` when it is whole
    /// (`25` is 2.5, `20` is 2).
    pub(crate) fn tenths(t: u64) -> Number {
        if t.is_multiple_of(10) {
            Number::int(t / 10)
        } else {
            Number {
                digits: t,
                scale: 1,
            }
        }
    }

    fn pow(self) -> u64 {
        10u64.saturating_pow(self.scale as u32)
    }

    /// The integer part (CLDR's `i`).
    fn integer(self) -> u64 {
        self.digits / self.pow()
    }

    /// True when the number is a whole number written without decimals.
    fn plain_int(self) -> bool {
        self.scale == 0
    }

    /// The number with `decimal` for the point: "2.5", "2,5".
    pub(crate) fn write(self, decimal: &str) -> String {
        if self.scale == 0 {
            return self.digits.to_string();
        }
        let frac = self.digits % self.pow();
        format!(
            "{}{decimal}{frac:0width$}",
            self.integer(),
            width = self.scale as usize
        )
    }

    /// The exact key of a choice for this number: `=2`, `=2.5`.
    pub(crate) fn exact_key(self) -> String {
        format!("={}", self.write("."))
    }
}

/// The CLDR cardinal plural category of `n` in language `lang` (a code such
/// as `es` or `es-MX`; only the language part counts). Languages without a
/// rule here use English's.
pub(crate) fn category(lang: &str, n: Number) -> &'static str {
    let base = lang.split(['-', '_']).next().unwrap_or(lang);
    let i = n.integer();
    let whole = n.digits.is_multiple_of(n.pow());
    match base {
        // one: n = 1 (1 or 1.0)
        "es" => {
            if whole && i == 1 {
                "one"
            } else {
                "other"
            }
        }
        // one: i = 0, 1
        "fr" => {
            if i <= 1 {
                "one"
            } else {
                "other"
            }
        }
        // zero, one, two, few (n % 100 = 3..10), many (11..99), other
        "ar" => {
            if !whole {
                return "other";
            }
            match (i, i % 100) {
                (0, _) => "zero",
                (1, _) => "one",
                (2, _) => "two",
                (_, 3..=10) => "few",
                (_, 11..=99) => "many",
                _ => "other",
            }
        }
        // one: i = 1 and v = 0 (en, de and most others)
        _ => {
            if i == 1 && n.plain_int() {
                "one"
            } else {
                "other"
            }
        }
    }
}
