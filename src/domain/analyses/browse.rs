//! How the options editor lists the options: sorted by title, by a
//! criterion's value or by score, and filtered by words. It changes what the
//! editor shows, never the scenario: entry order stays the order of the
//! export and the link.

use crate::domain::model::ids::CriterionId;
use crate::domain::model::rounds::fold;
use crate::domain::model::scenario::ScenarioOption;
use crate::domain::scoring::{sort_indices, Ranking};
use std::cmp::Ordering;
use std::rc::Rc;

/// What the options are sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortBy {
    /// As entered.
    Entry,
    /// Title, A to Z (case ignored, see [`fold`]).
    Title,
    /// Score, best first.
    Score,
    /// A criterion's value, highest first; options without one come last.
    Value(CriterionId),
}

/// The sort and the filter of the options editor.
#[derive(Clone, Debug, PartialEq)]
pub struct Browse {
    /// The sort.
    pub by: SortBy,
    /// The other way round (A to Z becomes Z to A, best first worst first);
    /// options without a value stay last.
    pub reverse: bool,
    /// Words every shown option has in its title or description (case
    /// ignored, see [`fold`]).
    pub filter: String,
}

impl Default for Browse {
    fn default() -> Self {
        Browse {
            by: SortBy::Entry,
            reverse: false,
            filter: String::new(),
        }
    }
}

impl Browse {
    /// Whether the editor shows the options as entered, all of them.
    pub fn is_plain(&self) -> bool {
        self.by == SortBy::Entry && !self.reverse && self.filter.trim().is_empty()
    }

    /// The entry indices of the options shown, in the order shown. Equal
    /// keys keep entry order, whichever the direction.
    pub fn arrange(&self, options: &[Rc<ScenarioOption>], ranking: &Ranking) -> Vec<usize> {
        let words: Vec<String> = self.filter.split_whitespace().map(fold).collect();
        let mut order: Vec<usize> = (0..options.len())
            .filter(|&i| words.is_empty() || has_words(&options[i], &words))
            .collect();
        let flip = |o: Ordering| if self.reverse { o.reverse() } else { o };
        match self.by {
            SortBy::Entry => {
                if self.reverse {
                    order.reverse();
                }
            }
            SortBy::Title => {
                let titles: Vec<String> = options.iter().map(|o| fold(&o.title)).collect();
                sort_indices(&mut order, &|a, b| {
                    flip(titles[a].cmp(&titles[b])).then(a.cmp(&b))
                });
            }
            SortBy::Score => {
                let score = |i: usize| ranking.row_for(i).map_or(f64::NEG_INFINITY, |r| r.score);
                sort_indices(&mut order, &|a, b| {
                    flip(score(b).total_cmp(&score(a))).then(a.cmp(&b))
                });
            }
            SortBy::Value(id) => {
                let value = |i: usize| options[i].values.get(&id).copied();
                sort_indices(&mut order, &|a, b| {
                    let by_value = match (value(a), value(b)) {
                        (Some(x), Some(y)) => flip(y.total_cmp(&x)),
                        (Some(_), None) => Ordering::Less,
                        (None, Some(_)) => Ordering::Greater,
                        (None, None) => Ordering::Equal,
                    };
                    by_value.then(a.cmp(&b))
                });
            }
        }
        order
    }
}

/// Whether every word (folded) is in the option's title or description.
fn has_words(option: &ScenarioOption, words: &[String]) -> bool {
    let title = fold(&option.title);
    let description = fold(&option.description);
    words
        .iter()
        .all(|w| title.contains(w.as_str()) || description.contains(w.as_str()))
}
