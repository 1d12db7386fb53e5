//! Lenses: the same options seen with another weight set (the CFO's, the
//! CPO's) or with one customer segment alone, and how the ranking moves
//! between them (PRODUCT.md, "Lenses").

use crate::domain::model::ids::LensId;
use crate::domain::model::scenario::{through, Scenario};
use crate::domain::model::segment::Segment;
use crate::domain::model::settings::LensRef;
use crate::domain::scoring::{rank, Ranking};

/// Most lenses shown side by side.
pub const MAX_SIDE_BY_SIDE: usize = 4;
/// A move of this many ranks or more between two lenses is highlighted.
pub const BIG_MOVE: u32 = 2;

impl Scenario {
    /// The name of the saved lens `id` (empty if there is none).
    pub fn lens_name(&self, id: LensId) -> String {
        self.lenses
            .iter()
            .find(|l| l.id == id)
            .map(|l| l.name.clone())
            .unwrap_or_default()
    }
}

/// Every lens of a scenario: the working weights, the saved lenses, then
/// each segment alone.
pub fn all_lenses(scenario: &Scenario) -> Vec<LensRef> {
    std::iter::once(LensRef::Current)
        .chain(scenario.lenses.iter().map(|l| LensRef::Saved(l.id)))
        .chain(Segment::ALL.map(LensRef::Segment))
        .collect()
}

/// The ranking under `lens`: exactly [`rank`] of the scenario it sees.
pub fn lens_ranking(scenario: &Scenario, lens: LensRef) -> Option<Ranking> {
    through(scenario, lens).map(|seen| rank(&seen))
}

/// Per option (entry order), its rank under each ranking.
pub fn rank_table(rankings: &[Ranking], options: usize) -> Vec<Vec<u32>> {
    let mut table = vec![vec![0; rankings.len()]; options];
    for (l, ranking) in rankings.iter().enumerate() {
        for row in &ranking.rows {
            if let Some(ranks) = table.get_mut(row.index) {
                ranks[l] = row.rank;
            }
        }
    }
    table
}

/// What several lenses say together.
#[derive(Clone, Debug, PartialEq)]
pub struct Agreement {
    /// Per lens (in the order given), the options it puts first (ties share), entry indices.
    pub firsts: Vec<Vec<usize>>,
    /// Whether every lens puts the same option(s) first.
    pub same_first: bool,
    /// The first two lenses (positions) that disagree on #1.
    pub disagree: Option<(usize, usize)>,
    /// Options in the top 3 under every lens, best first under the first lens.
    pub top3_everywhere: Vec<usize>,
    /// Per option (entry order), the largest rank change between two lenses side by side.
    pub largest_move: Vec<u32>,
}

/// How the rankings of several lenses (2 or more) agree.
pub fn agreement(rankings: &[Ranking]) -> Agreement {
    let options = rankings.first().map_or(0, |r| r.rows.len());
    let firsts: Vec<Vec<usize>> = rankings
        .iter()
        .map(|r| {
            r.rows
                .iter()
                .take_while(|row| row.rank == 1)
                .map(|row| row.index)
                .collect()
        })
        .collect();
    let disagree = (1..firsts.len())
        .find(|&l| firsts[l] != firsts[0])
        .map(|l| (0, l));
    let table = rank_table(rankings, options);
    let top3_everywhere = rankings.first().map_or_else(Vec::new, |first| {
        first
            .rows
            .iter()
            .map(|row| row.index)
            .filter(|&i| table[i].iter().all(|&r| (1..=3).contains(&r)))
            .collect()
    });
    let largest_move = table
        .iter()
        .map(|ranks| {
            ranks
                .windows(2)
                .map(|pair| pair[0].abs_diff(pair[1]))
                .max()
                .unwrap_or(0)
        })
        .collect();
    Agreement {
        same_first: disagree.is_none(),
        disagree,
        firsts,
        top3_everywhere,
        largest_move,
    }
}

/// A point of a line in the slope or bump chart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BumpPoint {
    /// Horizontal place (chart units).
    pub x: f64,
    /// Vertical place (chart units).
    pub y: f64,
    /// The rank there.
    pub rank: u32,
    /// The score there.
    pub score: f64,
    /// Whether the rank is below the rows shown (drawn on the fold row).
    pub folded: bool,
}

/// One option's line across the lenses.
#[derive(Clone, Debug, PartialEq)]
pub struct BumpLine {
    /// The option (entry order).
    pub index: usize,
    /// One point per lens.
    pub points: Vec<BumpPoint>,
    /// Whether it moves [`BIG_MOVE`] ranks or more between two lenses side by side.
    pub moved: bool,
}

/// The geometry of a slope (two lenses) or bump chart (more).
#[derive(Clone, Debug, PartialEq)]
pub struct Bump {
    /// Chart width (units of the SVG's view box).
    pub width: f64,
    /// Chart height.
    pub height: f64,
    /// Horizontal place of each lens's column.
    pub columns: Vec<f64>,
    /// Vertical place of each rank row shown (1 to `top`, at most one per
    /// option), then the fold row.
    pub rows: Vec<f64>,
    /// Lines of the options that are in the top rows under some lens, best
    /// first under the first lens.
    pub lines: Vec<BumpLine>,
    /// Options in the top rows under no lens (folded away).
    pub folded: usize,
}

/// Lays out the rank lines of `rankings` (one per lens, 2 or more), the
/// first `top` ranks in rows and anything below on one fold row.
pub fn bump(rankings: &[Ranking], top: u32) -> Bump {
    const ROW: f64 = 28.0;
    const TOP: f64 = 48.0;
    const SIDE: f64 = 250.0;
    let width = 780.0;
    let span = width - 2.0 * SIDE;
    let lenses = rankings.len().max(1);
    let columns: Vec<f64> = (0..lenses)
        .map(|l| {
            if lenses == 1 {
                width / 2.0
            } else {
                SIDE + span * l as f64 / (lenses - 1) as f64
            }
        })
        .collect();
    let options = rankings.first().map_or(0, |r| r.rows.len());
    // No empty rows: as many as there are options, up to `top`.
    let top = top.min(u32::try_from(options).unwrap_or(u32::MAX));
    let rows: Vec<f64> = (0..=top).map(|r| TOP + ROW * f64::from(r)).collect();
    let fold_y = rows.last().copied().unwrap_or(TOP);
    let table = rank_table(rankings, options);
    let mut scores = vec![vec![0.0; lenses]; options];
    for (l, ranking) in rankings.iter().enumerate() {
        for row in &ranking.rows {
            if let Some(s) = scores.get_mut(row.index) {
                s[l] = row.score;
            }
        }
    }
    let agreement = agreement(rankings);
    let mut lines = Vec::new();
    let mut folded = 0;
    for row in rankings.first().map(|r| r.rows.as_slice()).unwrap_or(&[]) {
        let ranks = &table[row.index];
        if ranks.iter().all(|&r| r > top) {
            folded += 1;
            continue;
        }
        let points = ranks
            .iter()
            .zip(&columns)
            .zip(&scores[row.index])
            .map(|((&rank, &x), &score)| {
                let shown = rank.clamp(1, top + 1);
                BumpPoint {
                    x,
                    y: rows.get(shown as usize - 1).copied().unwrap_or(fold_y),
                    rank,
                    score,
                    folded: rank > top,
                }
            })
            .collect();
        lines.push(BumpLine {
            index: row.index,
            points,
            moved: agreement.largest_move[row.index] >= BIG_MOVE,
        });
    }
    Bump {
        width,
        height: fold_y + ROW,
        columns,
        rows,
        lines,
        folded,
    }
}
