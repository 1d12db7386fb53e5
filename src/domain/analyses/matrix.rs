//! The value/effort matrix (PRODUCT.md, "Value index and effort index"):
//! each option's value and effort index, its quadrant, whether another
//! option beats it on both, and the chart's geometry with labels that never
//! overlap.

use crate::domain::model::criterion::{Direction, RatioRole};
use crate::domain::model::scenario::Scenario;
use crate::domain::model::settings::Role;
use crate::domain::scoring::{oriented, sort_best_first, Ranking, RatioParts, TIE_TOLERANCE};

/// The four quadrants, split at 50 on both axes (50 counts as high).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quadrant {
    /// High value, low effort.
    QuickWin,
    /// High value, high effort.
    BigBet,
    /// Low value, low effort.
    FillIn,
    /// Low value, high effort.
    MoneyPit,
}

impl Quadrant {
    /// The quadrant of a value and an effort index.
    pub fn of(value: f64, effort: f64) -> Quadrant {
        match (value >= 50.0, effort >= 50.0) {
            (true, false) => Quadrant::QuickWin,
            (true, true) => Quadrant::BigBet,
            (false, false) => Quadrant::FillIn,
            (false, true) => Quadrant::MoneyPit,
        }
    }

    /// A short stable key for exports.
    pub fn key(self) -> &'static str {
        match self {
            Quadrant::QuickWin => "quick_win",
            Quadrant::BigBet => "big_bet",
            Quadrant::FillIn => "fill_in",
            Quadrant::MoneyPit => "money_pit",
        }
    }
}

/// Why a scenario has no matrix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoMatrix {
    /// No option to place.
    NoOptions,
    /// No criterion with weight counts as value.
    NoValue,
    /// No criterion with weight counts as effort.
    NoEffort,
}

/// One option in the matrix.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    /// Value index 0–100.
    pub value: f64,
    /// Effort index 0–100.
    pub effort: f64,
    /// Its quadrant.
    pub quadrant: Quadrant,
    /// An option that beats it on both indices (entry order), if any.
    pub dominated_by: Option<usize>,
    /// Its bubble size 0–1 (the bubble criterion's value between the
    /// options' lowest and highest), if a bubble criterion is set and it has a value.
    pub size: Option<f64>,
}

impl Point {
    /// The point at `value` and `effort`, in its quadrant, not yet compared.
    fn at(value: f64, effort: f64, size: Option<f64>) -> Point {
        Point {
            value,
            effort,
            quadrant: Quadrant::of(value, effort),
            dominated_by: None,
            size,
        }
    }
}

/// Whether `a` beats `b`: at least as good on both indices, better on one.
pub fn beats(a: &Point, b: &Point) -> bool {
    let (dv, de) = (a.value - b.value, b.effort - a.effort);
    dv >= -TIE_TOLERANCE && de >= -TIE_TOLERANCE && (dv > TIE_TOLERANCE || de > TIE_TOLERANCE)
}

/// Every option's place in the matrix (entry order).
pub fn points(scenario: &Scenario, ranking: &Ranking) -> Result<Vec<Point>, NoMatrix> {
    if scenario.options.is_empty() {
        return Err(NoMatrix::NoOptions);
    }
    if let Some(parts) = &ranking.ratio {
        return ratio_points(scenario, ranking, parts);
    }
    let (value, effort) = indices(scenario, ranking)?;
    let effort = effort.ok_or(NoMatrix::NoEffort)?;
    let bubble = scenario
        .chart
        .bubble
        .and_then(|id| ranking.criteria.iter().position(|c| *c == id));
    let sizes = bubble.map(|c| bubble_sizes(scenario, ranking, c));
    let mut points: Vec<Point> = value
        .into_iter()
        .zip(effort)
        .enumerate()
        .map(|(i, (v, e))| Point::at(v, e, sizes.as_ref().and_then(|s| s[i])))
        .collect();
    mark_dominated(&mut points);
    Ok(points)
}

/// Each option's value index and, if any criterion with weight counts as
/// effort, its effort index (0–100, entry order) under the weighted sum:
/// `100 Σ_value w u / Σ_value w` and `100 Σ_effort w (1 − u) / Σ_effort w`
/// over the criteria in each role.
fn indices(
    scenario: &Scenario,
    ranking: &Ranking,
) -> Result<(Vec<f64>, Option<Vec<f64>>), NoMatrix> {
    let roles: Vec<Role> = scenario
        .criteria
        .iter()
        .map(|c| scenario.chart.role(c))
        .collect();
    let weight_of = |role: Role| -> f64 {
        roles
            .iter()
            .zip(&ranking.weights)
            .filter(|(r, _)| **r == role)
            .map(|(_, w)| w)
            .sum()
    };
    let (value_weight, effort_weight) = (weight_of(Role::Value), weight_of(Role::Effort));
    if value_weight <= 0.0 {
        return Err(NoMatrix::NoValue);
    }
    let n = scenario.options.len();
    let (mut values, mut efforts) = (Vec::with_capacity(n), Vec::with_capacity(n));
    for i in 0..n {
        let (mut value, mut effort) = (0.0, 0.0);
        for (c, role) in roles.iter().enumerate() {
            let (w, u) = (ranking.weights[c], ranking.utility(i, c));
            match role {
                Role::Value => value += w * u,
                Role::Effort => effort += w * (1.0 - u),
                Role::Neither => {}
            }
        }
        values.push(100.0 * value / value_weight);
        efforts.push(100.0 * effort / effort_weight);
    }
    Ok((values, (effort_weight > 0.0).then_some(efforts)))
}

/// Each option's value (entry order) as the budget sums it: the value
/// index under the weighted sum, the numerator (as entered) under a ratio.
pub fn values(scenario: &Scenario, ranking: &Ranking) -> Result<Vec<f64>, NoMatrix> {
    match &ranking.ratio {
        Some(parts) => Ok(parts.numerator.clone()),
        None => indices(scenario, ranking).map(|(values, _)| values),
    }
}

/// The matrix of the ratio model: value is the numerator, effort the
/// divisor, each as a share of the largest (0–100). An option whose divisor
/// is missing sits at the far end of effort.
fn ratio_points(
    scenario: &Scenario,
    ranking: &Ranking,
    parts: &RatioParts,
) -> Result<Vec<Point>, NoMatrix> {
    if !scenario
        .criteria
        .iter()
        .any(|c| c.role == RatioRole::Divide)
    {
        return Err(NoMatrix::NoEffort);
    }
    let largest = |xs: &mut dyn Iterator<Item = f64>| xs.fold(0.0, f64::max);
    let top_value = largest(&mut parts.numerator.iter().copied());
    let top_effort = largest(&mut parts.divisor.iter().flatten().copied());
    if top_value <= 0.0 {
        return Err(NoMatrix::NoValue);
    }
    let share = |x: f64, top: f64| if top > 0.0 { 100.0 * x / top } else { 0.0 };
    let bubble = scenario
        .chart
        .bubble
        .and_then(|id| ranking.criteria.iter().position(|c| *c == id));
    let sizes = bubble.map(|c| bubble_sizes(scenario, ranking, c));
    let mut points: Vec<Point> = (0..scenario.options.len())
        .map(|i| {
            Point::at(
                share(parts.numerator[i], top_value),
                parts.divisor[i].map_or(100.0, |d| share(d, top_effort)),
                sizes.as_ref().and_then(|s| s[i]),
            )
        })
        .collect();
    mark_dominated(&mut points);
    Ok(points)
}

/// Sets `dominated_by` of every point another beats: candidates are tried
/// best value first, and the first that beats a point is named.
fn mark_dominated(points: &mut [Point]) {
    let mut by_value: Vec<usize> = (0..points.len()).collect();
    let values: Vec<f64> = points.iter().map(|p| p.value).collect();
    sort_best_first(&mut by_value, &values);
    for i in 0..points.len() {
        let p = points[i];
        points[i].dominated_by = by_value
            .iter()
            .take_while(|&&j| points[j].value >= p.value - TIE_TOLERANCE)
            .copied()
            .find(|&j| j != i && beats(&points[j], &p));
    }
}

/// Each option's value on criterion column `c` between the options' lowest
/// and highest (0–1), from its utility; `None` where the value is missing.
fn bubble_sizes(scenario: &Scenario, ranking: &Ranking, c: usize) -> Vec<Option<f64>> {
    if let Some(parts) = &ranking.ratio {
        // The ratio model keeps the values as entered: scaled here.
        let values: Vec<Option<f64>> = (0..scenario.options.len())
            .map(|i| parts.value(i, c))
            .collect();
        let low = values
            .iter()
            .flatten()
            .copied()
            .fold(f64::INFINITY, f64::min);
        let high = values
            .iter()
            .flatten()
            .copied()
            .fold(f64::NEG_INFINITY, f64::max);
        let span = high - low;
        return values
            .into_iter()
            .map(|v| v.map(|v| if span > 0.0 { (v - low) / span } else { 1.0 }))
            .collect();
    }
    let lower = scenario
        .criteria
        .get(c)
        .is_some_and(|criterion| criterion.effective_direction() == Direction::LowerIsBetter);
    (0..scenario.options.len())
        .map(|i| (!ranking.is_missing(i, c)).then(|| oriented(ranking.utility(i, c), lower)))
        .collect()
}

/// A box in chart units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

impl Rect {
    /// Whether the two boxes share any area.
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.x + other.w
            && other.x < self.x + self.w
            && self.y < other.y + other.h
            && other.y < self.y + self.h
    }

    /// Whether `other` lies inside this box.
    pub fn holds(&self, other: &Rect) -> bool {
        other.x >= self.x
            && other.y >= self.y
            && other.x + other.w <= self.x + self.w
            && other.y + other.h <= self.y + self.h
    }
}

/// Where a marker's label goes.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    /// The text shown (the title, shortened).
    pub text: String,
    /// The box the text takes.
    pub bounds: Rect,
}

/// An option's marker.
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    /// The option (entry order).
    pub index: usize,
    /// Centre, horizontal.
    pub x: f64,
    /// Centre, vertical.
    pub y: f64,
    /// Radius.
    pub r: f64,
    /// Its label, where there was room.
    pub label: Option<Label>,
}

/// The matrix's geometry, in the units of the SVG's view box.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// Whole width.
    pub width: f64,
    /// Whole height.
    pub height: f64,
    /// The plot area (0–100 on both axes).
    pub plot: Rect,
    /// Markers, drawn in this order (worst rank first, so the best are on top).
    pub markers: Vec<Marker>,
    /// Options without a label, best rank first: the legend lists them.
    pub legend: Vec<usize>,
}

/// Width of one character of a label (units), generous for wide letters.
pub const CHAR_WIDTH: f64 = 7.8;
/// Height of a label.
pub const LABEL_HEIGHT: f64 = 17.0;
/// Longest label (characters) before it is shortened with "…".
pub const LABEL_CHARS: usize = 24;
/// Labels placed at most: beyond them the chart would be a wall of text.
pub const MAX_LABELS: usize = 24;

/// The text of a label: the title, shortened to [`LABEL_CHARS`].
pub fn label_text(title: &str) -> String {
    let title = title.trim();
    if title.chars().count() <= LABEL_CHARS {
        title.to_owned()
    } else {
        let cut: String = title.chars().take(LABEL_CHARS - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// Lays out the markers of `points` (entry order) in rank order `order`
/// (entry indices, best first) with the titles in `titles`.
pub fn layout(points: &[Point], order: &[usize], titles: &[&str]) -> Layout {
    let (width, height) = (600.0, 420.0);
    let plot = Rect {
        x: 48.0,
        y: 12.0,
        w: width - 60.0,
        h: height - 56.0,
    };
    let place = |p: &Point| {
        (
            plot.x + plot.w * p.effort.clamp(0.0, 100.0) / 100.0,
            plot.y + plot.h * (1.0 - p.value.clamp(0.0, 100.0) / 100.0),
        )
    };
    let radius = |p: &Point| {
        p.size
            .map_or(10.0, |s| 8.0 + 14.0 * s.clamp(0.0, 1.0).sqrt())
    };
    let mut markers: Vec<Marker> = order
        .iter()
        .filter_map(|&i| points.get(i).map(|p| (i, p)))
        .map(|(index, p)| {
            let (x, y) = place(p);
            Marker {
                index,
                x,
                y,
                r: radius(p),
                label: None,
            }
        })
        .collect();
    let marker_box = |m: &Marker| Rect {
        x: m.x - m.r,
        y: m.y - m.r,
        w: 2.0 * m.r,
        h: 2.0 * m.r,
    };
    let mut taken: Vec<Rect> = markers.iter().map(marker_box).collect();
    let mut legend = Vec::new();
    for (k, marker) in markers.iter_mut().enumerate() {
        let text = label_text(titles.get(marker.index).copied().unwrap_or(""));
        let w = CHAR_WIDTH * text.chars().count() as f64;
        let h = LABEL_HEIGHT;
        let (x, y, r) = (marker.x, marker.y, marker.r);
        let candidates = [
            (x + r + 3.0, y - h / 2.0),
            (x - r - 3.0 - w, y - h / 2.0),
            (x - w / 2.0, y - r - 2.0 - h),
            (x - w / 2.0, y + r + 2.0),
            (x + r + 2.0, y - r - h),
            (x - r - 2.0 - w, y - r - h),
            (x + r + 2.0, y + r),
            (x - r - 2.0 - w, y + r),
        ];
        // Every candidate lies outside the marker's own box.
        let fits = |b: &Rect| plot.holds(b) && taken.iter().all(|t| !t.overlaps(b));
        let found = (k < MAX_LABELS && !text.is_empty())
            .then(|| {
                candidates
                    .iter()
                    .map(|&(x, y)| Rect { x, y, w, h })
                    .find(|b| fits(b))
            })
            .flatten();
        // #1 is always named in the chart: when every place near it is
        // taken, its label goes where it fits in the plot, over other
        // markers if need be (never over its own or another label).
        let found = found.or_else(|| {
            let own = marker_box(&Marker {
                index: marker.index,
                x,
                y,
                r,
                label: None,
            });
            (k == 0 && !text.is_empty() && w <= plot.w && h <= plot.h)
                .then(|| {
                    candidates
                        .iter()
                        .map(|&(cx, cy)| Rect {
                            x: cx.clamp(plot.x, plot.x + plot.w - w),
                            y: cy.clamp(plot.y, plot.y + plot.h - h),
                            w,
                            h,
                        })
                        .find(|b| !b.overlaps(&own))
                })
                .flatten()
        });
        match found {
            Some(bounds) => {
                taken.push(bounds);
                marker.label = Some(Label { text, bounds });
            }
            None => legend.push(marker.index),
        }
    }
    markers.reverse();
    Layout {
        width,
        height,
        plot,
        markers,
        legend,
    }
}
