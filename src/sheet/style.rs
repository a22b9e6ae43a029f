//! The sizes a sheet's layout depends on, read from the custom properties
//! of `sheet.css` (the site's own when it has one), so that the stylesheet
//! is their one source: the rules `.sheet-mode { --fs: 11pt; … }`,
//! `.density-N { … }`, `.sheet-single { … }` and `.sheet-large { … }`,
//! applied in the order the file has them, as the browser does.

/// The built-in stylesheet (a site's `static/sheet.css` replaces it).
pub(crate) const BUILTIN_CSS: &str = include_str!("../../static/sheet.css");

const MM_PER_PT: f32 = 25.4 / 72.0;
const MM_PER_PX: f32 = 25.4 / 96.0;

/// Every size of one sheet mode, in mm (`lh`, `lh_title` and `img_ratio`
/// are plain numbers).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(crate) struct Sizes {
    pub page_margin: f32,
    pub lh: f32,
    pub lh_title: f32,
    pub fs: f32,
    pub title: f32,
    pub small: f32,
    pub clinic: f32,
    pub space: f32,
    pub space_m: f32,
    pub space_s: f32,
    pub step_gap: f32,
    pub gap: f32,
    pub pad_y: f32,
    pub pad_x: f32,
    pub border: f32,
    pub head_rule: f32,
    pub red_rule: f32,
    pub head_gap: f32,
    pub logo: f32,
    pub scan: f32,
    pub notes: f32,
    pub log_side: f32,
    pub col_gap: f32,
    pub code_gap: f32,
    pub img_ratio: f32,
    pub qr: f32,
    pub img: f32,
    pub mini: f32,
    pub row: f32,
}

impl Sizes {
    /// Line height of text of size `size` (mm).
    pub(crate) fn line(&self, size: f32) -> f32 {
        size * self.lh
    }

    /// Body text size in points (what a sheet reports as its smallest text).
    pub(crate) fn fs_pt(&self) -> f32 {
        (self.fs / MM_PER_PT * 100.0).round() / 100.0
    }

    fn set(&mut self, name: &str, v: f32) {
        let slot = match name {
            "page-margin" => &mut self.page_margin,
            "lh" => &mut self.lh,
            "lh-title" => &mut self.lh_title,
            "fs" => &mut self.fs,
            "title" => &mut self.title,
            "small" => &mut self.small,
            "clinic" => &mut self.clinic,
            "space" => &mut self.space,
            "space-m" => &mut self.space_m,
            "space-s" => &mut self.space_s,
            "step-gap" => &mut self.step_gap,
            "gap" => &mut self.gap,
            "pad-y" => &mut self.pad_y,
            "pad-x" => &mut self.pad_x,
            "border" => &mut self.border,
            "head-rule" => &mut self.head_rule,
            "red-rule" => &mut self.red_rule,
            "head-gap" => &mut self.head_gap,
            "logo" => &mut self.logo,
            "scan" => &mut self.scan,
            "notes" => &mut self.notes,
            "log-side" => &mut self.log_side,
            "col-gap" => &mut self.col_gap,
            "code-gap" => &mut self.code_gap,
            "img-ratio" => &mut self.img_ratio,
            "qr" => &mut self.qr,
            "img" => &mut self.img,
            "mini" => &mut self.mini,
            "row" => &mut self.row,
            _ => return,
        };
        *slot = v;
    }
}

/// The custom properties of the size rules, in file order: (class, name, value).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct SheetStyle {
    props: Vec<(String, String, f32)>,
    /// The sizes of each mode: density 0 (large print) to 4, standard and
    /// exercise sheets (`sheet-single`), worked out once.
    modes: Vec<Sizes>,
}

impl SheetStyle {
    /// The built-in stylesheet's sizes, then the site's (`css`) over them:
    /// a site stylesheet that leaves a size out keeps the built-in one.
    pub(crate) fn new(css: Option<&str>) -> SheetStyle {
        let mut props = parse(BUILTIN_CSS);
        if let Some(site) = css {
            props.extend(parse(site));
        }
        let mut style = SheetStyle {
            props,
            modes: Vec::new(),
        };
        style.modes = (0..=4u8)
            .flat_map(|d| [false, true].map(|single| (d, single)))
            .map(|(d, single)| style.sizes(&mode_classes(d, single)))
            .collect();
        style
    }

    /// The sizes of density `d` (0: large print), for an exercise sheet when `single`.
    pub(crate) fn mode(&self, d: u8, single: bool) -> Sizes {
        let i = usize::from(d.min(4)) * 2 + usize::from(single);
        self.modes.get(i).copied().unwrap_or_default()
    }

    /// The sizes of an element with these classes.
    pub(crate) fn sizes(&self, classes: &[&str]) -> Sizes {
        let mut s = Sizes::default();
        for (class, name, v) in &self.props {
            if classes.contains(&class.as_str()) {
                s.set(name, *v);
            }
        }
        s
    }
}

/// The classes of a mode's element: density `d` (0: large print).
pub(crate) fn mode_classes(d: u8, single: bool) -> Vec<&'static str> {
    let mut c = vec!["sheet-mode"];
    if d > 0 {
        c.push(
            [
                "density-0",
                "density-1",
                "density-2",
                "density-3",
                "density-4",
            ][usize::from(d.min(4))],
        );
    }
    if single {
        c.push("sheet-single");
    }
    if d == 0 {
        c.push("sheet-large");
    }
    c
}

/// (class, property, value) of every `--name: <number><unit>` declaration
/// in a rule whose selector is one class.
fn parse(css: &str) -> Vec<(String, String, f32)> {
    let text = strip_comments(css);
    let mut out = Vec::new();
    let mut rest = text.as_str();
    let mut depth = 0usize;
    while let Some(open) = rest.find(['{', '}']) {
        let (head, tail) = rest.split_at(open);
        if let Some(after) = tail.strip_prefix('}') {
            depth = depth.saturating_sub(1);
            rest = after;
            continue;
        }
        let close = tail.find('}').unwrap_or(tail.len());
        let body = &tail[1..close];
        let selector = head.rsplit([';', '}']).next().unwrap_or("").trim();
        let nested = body.contains('{');
        if depth == 0 && !nested {
            if let Some(class) = selector.strip_prefix('.') {
                if class
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                {
                    for decl in body.split(';') {
                        if let Some((name, value)) = decl.split_once(':') {
                            if let (Some(name), Some(v)) =
                                (name.trim().strip_prefix("--"), length(value))
                            {
                                out.push((class.to_string(), name.to_string(), v));
                            }
                        }
                    }
                }
            }
            rest = tail.get(close + 1..).unwrap_or("");
        } else {
            // An @media or other block: its rules are not sizes.
            depth += 1;
            rest = &tail[1..];
        }
    }
    out
}

/// A length in mm (`12mm`, `11pt`, `8px`, `1.2cm`) or a plain number.
fn length(value: &str) -> Option<f32> {
    let v = value.trim();
    let split = v
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
        .unwrap_or(v.len());
    let (num, unit) = v.split_at(split);
    let n: f32 = num.parse().ok()?;
    Some(match unit.trim() {
        "mm" => n,
        "cm" => n * 10.0,
        "in" => n * 25.4,
        "pt" => n * MM_PER_PT,
        "px" => n * MM_PER_PX,
        "" => n,
        _ => return None,
    })
}

fn strip_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(i) = rest.find("/*") {
        out.push_str(&rest[..i]);
        rest = rest[i + 2..]
            .find("*/")
            .map_or("", |j| &rest[i + 2 + j + 2..]);
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_builtin_sizes_in_order() {
        let st = SheetStyle::new(None);
        let d2 = st.sizes(&["sheet-mode", "density-2"]);
        assert!((d2.fs - 11.0 * MM_PER_PT).abs() < 1e-4);
        assert_eq!(d2.page_margin, 10.0);
        assert_eq!(d2.lh, 1.2);
        let d4 = st.sizes(&["sheet-mode", "density-4"]);
        assert_eq!(d4.pad_y, 1.2);
        let large = st.sizes(&["sheet-mode", "sheet-single", "sheet-large"]);
        assert_eq!(
            large.row, 10.0,
            "large print comes after single in the file"
        );
        // Every size is set by the built-in file.
        let s = st.sizes(&["sheet-mode"]);
        let text = format!("{:?}", Sizes { step_gap: 1.0, ..s });
        assert!(!text.contains(": 0.0"), "{text}");
    }

    #[test]
    fn a_site_stylesheet_changes_sizes_and_keeps_the_rest() {
        let css = "/* mine */ .sheet-mode { --gap: 4mm; --fs: calc(1em + 1pt); }\n\
                   @media print { .sheet-mode { --gap: 9mm; } }\n.card { --gap: 7mm; }";
        let st = SheetStyle::new(Some(css));
        let s = st.sizes(&["sheet-mode", "density-2"]);
        assert_eq!(s.gap, 4.0);
        assert!(
            (s.fs - 11.0 * MM_PER_PT).abs() < 1e-4,
            "unreadable values are left alone"
        );
    }
}
