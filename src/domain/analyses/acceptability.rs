//! Rank acceptability (SMAA-2, PRODUCT.md "Weight Monte Carlo"): weights are
//! sampled, every sample is ranked, and each option's share of first,
//! second and third places is counted, with the mean weights under which it
//! comes first.
//!
//! Reproducible everywhere: a named generator (xoshiro256**) seeded by a
//! hash of the scenario's link content, `libm` for the logarithm, and a fixed
//! order of every sum, so native and WebAssembly builds give the same bits.

use crate::domain::formats::link::link_json;
use crate::domain::model::scenario::Scenario;
use crate::domain::model::settings::WeightMode;
use crate::domain::scoring::{Ranking, TIE_TOLERANCE};
use std::cmp::Ordering;

/// Samples in a full run.
pub const SAMPLES: u32 = 10_000;

/// How far "around mine" strays from each weight (±25 %).
pub const SPREAD: f64 = 0.25;

/// Places counted per option.
pub const PLACES: usize = 3;

/// The 64-bit FNV-1a hash of `text` followed by the mode: the seed of a run.
pub fn seed_of(text: &str, mode: WeightMode) -> u64 {
    text.bytes()
        .chain([0, mode.tag()])
        .fold(0xcbf2_9ce4_8422_2325, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
        })
}

/// The seed of a scenario's runs: [`seed_of`] its link's JSON without the
/// budget (which moves no score, so it moves no sample either).
pub fn scenario_seed(scenario: &Scenario, mode: WeightMode) -> u64 {
    let text = if scenario.budget.is_some() {
        let mut scored = scenario.clone();
        scored.budget = None;
        link_json(&scored)
    } else {
        link_json(scenario)
    };
    seed_of(&text, mode)
}

/// Draws weight vectors around a ranking's weights, by a sampling mode.
#[derive(Clone, Debug)]
pub struct WeightDraw {
    mode: WeightMode,
    weights: Vec<f64>,
    /// Criterion columns by today's weight, largest first (weighted ones only).
    by_weight: Vec<usize>,
    /// Runs `start..end` of `by_weight` whose weights are equal (two or more).
    ties: Vec<(usize, usize)>,
}

impl WeightDraw {
    /// Draws around `ranking`'s weights by `mode`.
    pub fn new(ranking: &Ranking, mode: WeightMode) -> Self {
        let k = ranking.criteria.len();
        let weights = crate::domain::scoring::scaled_weights(&ranking.weights);
        let mut by_weight: Vec<usize> = (0..k).filter(|&c| weights[c] > 0.0).collect();
        // Equal weights keep their column order.
        by_weight.sort_by(|&a, &b| {
            weights[b]
                .partial_cmp(&weights[a])
                .unwrap_or(Ordering::Equal)
        });
        let mut ties = Vec::new();
        let mut start = 0;
        for end in 1..=by_weight.len() {
            if end == by_weight.len() || weights[by_weight[end]] != weights[by_weight[start]] {
                if end - start > 1 {
                    ties.push((start, end));
                }
                start = end;
            }
        }
        WeightDraw {
            mode,
            weights,
            by_weight,
            ties,
        }
    }

    /// Fills `sample` with one weight vector as shares; false when every
    /// weight is 0 (the sample then counts for nobody).
    pub fn draw(&self, rng: &mut Xoshiro, sample: &mut [f64]) -> bool {
        sample.iter_mut().for_each(|w| *w = 0.0);
        match self.mode {
            WeightMode::Around => {
                for (s, &w) in sample.iter_mut().zip(&self.weights) {
                    if w > 0.0 {
                        *s = w * (1.0 + SPREAD * (2.0 * rng.uniform() - 1.0));
                    }
                }
            }
            WeightMode::KeepOrder => {
                let mut drawn: Vec<f64> =
                    self.by_weight.iter().map(|_| rng.exponential()).collect();
                drawn.sort_by(|a, b| b.total_cmp(a));
                // Tied weights are tied in the order: which of them gets the
                // larger draw is itself drawn (Fisher–Yates within the tie),
                // so the order the criteria were entered in counts for nothing.
                for &(start, end) in &self.ties {
                    for i in (start + 1..end).rev() {
                        let j = start
                            + ((rng.uniform() * (i - start + 1) as f64) as usize).min(i - start);
                        drawn.swap(i, j);
                    }
                }
                for (&c, w) in self.by_weight.iter().zip(drawn) {
                    sample[c] = w;
                }
            }
            WeightMode::Any => sample.iter_mut().for_each(|s| *s = rng.exponential()),
        }
        let total: f64 = sample.iter().sum();
        if total <= 0.0 {
            return false;
        }
        sample.iter_mut().for_each(|s| *s /= total);
        true
    }
}

/// xoshiro256** (Blackman and Vigna), seeded through SplitMix64.
#[derive(Clone, Debug)]
pub struct Xoshiro([u64; 4]);

impl Xoshiro {
    /// The generator for `seed`.
    pub fn new(mut seed: u64) -> Self {
        let mut next = || {
            seed = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = seed;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            z ^ (z >> 31)
        };
        Xoshiro([next(), next(), next(), next()])
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let s = &mut self.0;
        let result = s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        result
    }

    /// A uniform number in [0, 1).
    pub fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// An exponential number (mean 1), `−ln(1 − U)`.
    pub fn exponential(&mut self) -> f64 {
        -libm::log(1.0 - self.uniform())
    }
}

/// The counts of a run so far.
#[derive(Clone, Debug, PartialEq)]
pub struct Acceptability {
    /// The seed of the run.
    pub seed: u64,
    /// How the weights were sampled.
    pub mode: WeightMode,
    /// Samples counted so far.
    pub samples: u32,
    /// Per option (entry order), its credit at places 1, 2, 3 (tied options
    /// share a place's credit equally).
    places: Vec<[f64; PLACES]>,
    /// Per option, the sum of the shares (criterion by criterion) of the
    /// samples in which it came first, times its credit.
    wins: Vec<f64>,
    columns: usize,
}

impl Acceptability {
    /// The share (0–1) of samples in which the option at `index` took `place`
    /// (0 = first).
    pub fn place(&self, index: usize, place: usize) -> f64 {
        match (self.places.get(index), self.samples) {
            (Some(p), n) if n > 0 && place < PLACES => p[place] / f64::from(n),
            _ => 0.0,
        }
    }

    /// The share of samples in which the option came first.
    pub fn first(&self, index: usize) -> f64 {
        self.place(index, 0)
    }

    /// The mean share (0–1) of each criterion over the samples in which the
    /// option came first; `None` when it never did.
    pub fn central_weights(&self, index: usize) -> Option<Vec<f64>> {
        let credit = self.places.get(index)?[0];
        (credit > 0.0).then(|| {
            self.wins[index * self.columns..(index + 1) * self.columns]
                .iter()
                .map(|w| w / credit)
                .collect()
        })
    }
}

/// A run of weight samples that can go on in slices.
#[derive(Clone, Debug)]
pub struct Sampler {
    utilities: Vec<f64>,
    draw: WeightDraw,
    rng: Xoshiro,
    result: Acceptability,
    // Scratch space reused by every sample.
    sample: Vec<f64>,
    scores: Vec<f64>,
    placed: Vec<u32>,
    group: Vec<usize>,
}

impl Sampler {
    /// A run over the ranking's utilities and weights, seeded by `seed`.
    pub fn new(ranking: &Ranking, mode: WeightMode, seed: u64) -> Self {
        let n = ranking.rows.len();
        let k = ranking.criteria.len();
        let utilities = (0..n)
            .flat_map(|i| (0..k).map(move |c| (i, c)))
            .map(|(i, c)| ranking.utility(i, c))
            .collect();
        Sampler {
            utilities,
            draw: WeightDraw::new(ranking, mode),
            rng: Xoshiro::new(seed),
            result: Acceptability {
                seed,
                mode,
                samples: 0,
                places: vec![[0.0; PLACES]; n],
                wins: vec![0.0; n * k],
                columns: k,
            },
            sample: vec![0.0; k],
            scores: vec![0.0; n],
            placed: vec![0; n],
            group: Vec::new(),
        }
    }

    /// The counts so far.
    pub fn result(&self) -> &Acceptability {
        &self.result
    }

    /// Whether all [`SAMPLES`] have run.
    pub fn done(&self) -> bool {
        self.result.samples >= SAMPLES
    }

    /// Runs up to `count` more samples (never past [`SAMPLES`]).
    pub fn run(&mut self, count: u32) {
        let end = self.result.samples.saturating_add(count).min(SAMPLES);
        while self.result.samples < end {
            self.result.samples += 1;
            if self.draw.draw(&mut self.rng, &mut self.sample) {
                self.count_places();
            }
        }
    }

    /// Scores every option under `sample` and credits places 1 to 3.
    fn count_places(&mut self) {
        let k = self.sample.len();
        for (score, row) in self
            .scores
            .iter_mut()
            .zip(self.utilities.chunks_exact(k.max(1)))
        {
            *score = 100.0
                * row
                    .iter()
                    .zip(&self.sample)
                    .map(|(u, w)| u * w)
                    .sum::<f64>();
        }
        let (places, wins, sample) = (&mut self.result.places, &mut self.result.wins, &self.sample);
        top_places(
            &self.scores,
            &mut self.placed,
            self.result.samples,
            &mut self.group,
            |group, place| {
                let credit = 1.0 / group.len() as f64;
                for &i in group {
                    // place < PLACES here, so the range is never empty-reversed.
                    for p in &mut places[i][place..(place + group.len()).min(PLACES)] {
                        *p += credit;
                    }
                    if place == 0 {
                        for (w, s) in wins[i * k..(i + 1) * k].iter_mut().zip(sample) {
                            *w += credit * s;
                        }
                    }
                }
            },
        );
    }
}

/// Calls `each(group, place)` for the groups of tied options that take
/// places 1 to 3 (0-based `place` of the group's first member), best first.
/// `placed` marks options already grouped in this round (`stamp`, which
/// must differ from every earlier round's); `group` is scratch space.
pub(crate) fn top_places(
    scores: &[f64],
    placed: &mut [u32],
    stamp: u32,
    group: &mut Vec<usize>,
    mut each: impl FnMut(&[usize], usize),
) {
    let mut place = 0;
    while place < PLACES {
        // The best score not yet placed, then every option that ties it.
        let best = scores
            .iter()
            .zip(placed.iter())
            .filter(|(_, &p)| p != stamp)
            .map(|(&s, _)| s)
            .fold(f64::NEG_INFINITY, f64::max);
        if best == f64::NEG_INFINITY {
            break;
        }
        group.clear();
        for (i, (&s, p)) in scores.iter().zip(placed.iter_mut()).enumerate() {
            // `s == best` ties two infinite scores too (their difference is NaN).
            if *p != stamp && (s == best || best - s <= TIE_TOLERANCE) {
                *p = stamp;
                group.push(i);
            }
        }
        each(group, place);
        place += group.len();
    }
}
