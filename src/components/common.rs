//! What several components share: the criterion colours and the table's
//! value columns.

use crate::domain::model::criterion::{Criterion, CriterionInput, Level, ScoreModel};
use crate::domain::model::ids::CriterionId;
use crate::domain::model::scenario::rule_in;
use crate::domain::model::value::NumberRule;
use crate::i18n::Lang;

/// Distinct colours for criteria (CSS classes `crit-0` … `crit-7`).
pub const PALETTE: usize = 8;

/// A rating or amount criterion as a column of the table: only what the
/// rows need, so a weight change does not re-render every row.
#[derive(Clone, Debug, PartialEq)]
pub struct ValueColumn {
    /// The criterion.
    pub id: CriterionId,
    /// Its name.
    pub name: String,
    /// The rule its values follow.
    pub rule: NumberRule,
    /// Unit or scale shown in the header.
    pub hint: String,
    /// A levels criterion's levels (its cells are menus); empty otherwise.
    pub levels: Vec<Level>,
}

/// The table's columns for a list of criteria, and whether a fit criterion exists.
pub fn columns(criteria: &[Criterion], model: ScoreModel, lang: Lang) -> (Vec<ValueColumn>, bool) {
    let mut has_fit = false;
    let columns = criteria
        .iter()
        .filter_map(|c| {
            let hint = match &c.input {
                CriterionInput::Rating { min, max } => {
                    format!("{}–{}", lang.number(*min, 2), lang.number(*max, 2))
                }
                CriterionInput::Amount { unit, .. } => unit.clone(),
                CriterionInput::SegmentFit => {
                    has_fit = true;
                    return None;
                }
                CriterionInput::Levels(levels) => match (levels.first(), levels.last()) {
                    (Some(first), Some(last)) => format!("{}–{}", first.label, last.label),
                    _ => String::new(),
                },
            };
            Some(ValueColumn {
                id: c.id,
                name: c.name.clone(),
                rule: rule_in(model, c)?,
                hint,
                levels: match &c.input {
                    CriterionInput::Levels(levels) => levels.clone(),
                    _ => Vec::new(),
                },
            })
        })
        .collect();
    (columns, has_fit)
}
