//! Three-way merge of a scenario two tabs edited from the same version:
//! every field one tab changed and the other left alone is taken from the
//! tab that changed it; only a field both changed, differently, is a clash
//! the user decides about.
//!
//! Fields are compared one by one: the scenario's own fields, criteria,
//! lenses and options by id, and each option's title, description, segment
//! fit, and each value and range by criterion.

use crate::domain::model::criterion::Criterion;
use crate::domain::model::ids::CriterionId;
use crate::domain::model::scenario::{Scenario, ScenarioOption};
use std::collections::BTreeMap;
use std::rc::Rc;

/// A field both versions changed, each in its own way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Clash {
    /// A field of the scenario itself ("name", "need", "threshold", …).
    Field(&'static str),
    /// A criterion, by its name.
    Criterion(String),
    /// A lens, by its name.
    Lens(String),
    /// An option as a whole (changed in one version, deleted in the other), by its title.
    Option(String),
    /// One field of an option, by the option's title.
    OptionField(String, OptionPart),
}

/// A field of an option.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OptionPart {
    /// Its title.
    Title,
    /// Its description.
    Description,
    /// Its segment fit.
    Fit,
    /// Its value (or range) of a criterion, by the criterion's name.
    Value(String),
}

/// A merge: the scenario with every change of both versions, and the
/// fields both changed. Where they clash, the first version (`ours`) wins.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    /// Both versions' changes; `ours` where they clash.
    pub scenario: Scenario,
    /// The fields both changed differently; empty when the merge needs no one.
    pub clashes: Vec<Clash>,
}

impl Merged {
    /// Whether the merge needs no one's choice.
    pub fn is_clean(&self) -> bool {
        self.clashes.is_empty()
    }
}

/// Merges `ours` and `theirs`, both edited from `base`. The result is always
/// a valid scenario: when both versions' changes together break a rule (a
/// value of a criterion the other deleted), that is a clash too.
pub fn merge(base: &Scenario, ours: &Scenario, theirs: &Scenario) -> Merged {
    let mut clashes = Vec::new();
    let mut scenario = ours.clone();
    macro_rules! fields {
        ($($field:ident),*) => {$(
            scenario.$field = pick(
                &base.$field,
                &ours.$field,
                &theirs.$field,
                || Clash::Field(stringify!($field)),
                &mut clashes,
            );
        )*};
    }
    fields!(
        name,
        need,
        root_cause,
        segment_mix,
        threshold,
        analysis,
        chart,
        group
    );
    scenario.criteria = merge_whole(
        (&base.criteria, &ours.criteria, &theirs.criteria),
        |c| c.id,
        |c| Clash::Criterion(c.name.clone()),
        &mut clashes,
    );
    scenario.lenses = merge_whole(
        (&base.lenses, &ours.lenses, &theirs.lenses),
        |l| l.id,
        |l| Clash::Lens(l.name.clone()),
        &mut clashes,
    );
    scenario.options = merge_list(
        (&base.options, &ours.options, &theirs.options),
        |o| o.id,
        |b, o, t, clashes| merge_option(b, o, t, &ours.criteria, clashes),
        |o| Clash::Option(o.title.clone()),
        &mut clashes,
    );
    if clashes.is_empty() && !scenario.problems().is_empty() {
        // Each change is fine alone, not together: the user decides.
        clashes.push(Clash::Field("criteria"));
    }
    if !clashes.is_empty() {
        // Where they clash ours wins; what that leaves broken is dropped.
        scenario.repair();
    }
    Merged { scenario, clashes }
}

/// The one field's merged value: the side that changed it, or ours (with a
/// clash) when both did differently.
fn pick<T: Clone + PartialEq>(
    base: &T,
    ours: &T,
    theirs: &T,
    clash: impl FnOnce() -> Clash,
    clashes: &mut Vec<Clash>,
) -> T {
    if ours == base || ours == theirs {
        theirs.clone()
    } else {
        if theirs != base {
            clashes.push(clash());
        }
        ours.clone()
    }
}

/// [`pick`] for an item of a list, which may be new on both sides.
fn pick_item<T: Clone + PartialEq>(
    base: Option<&T>,
    ours: &T,
    theirs: &T,
    clash: impl FnOnce() -> Clash,
    clashes: &mut Vec<Clash>,
) -> T {
    match base {
        Some(base) => pick(base, ours, theirs, clash, clashes),
        None if ours == theirs => ours.clone(),
        None => {
            clashes.push(clash());
            ours.clone()
        }
    }
}

fn merge_option(
    base: Option<&Rc<ScenarioOption>>,
    ours: &Rc<ScenarioOption>,
    theirs: &Rc<ScenarioOption>,
    criteria: &[Criterion],
    clashes: &mut Vec<Clash>,
) -> Rc<ScenarioOption> {
    if Rc::ptr_eq(ours, theirs) || ours == theirs {
        return ours.clone();
    }
    let Some(base) = base else {
        clashes.push(Clash::Option(ours.title.clone()));
        return ours.clone();
    };
    let at = |part: OptionPart| Clash::OptionField(ours.title.clone(), part);
    let value = |id: CriterionId| {
        let name = criteria.iter().find(|c| c.id == id).map(|c| c.name.clone());
        at(OptionPart::Value(name.unwrap_or_else(|| id.to_string())))
    };
    let mut option = ScenarioOption::clone(ours);
    macro_rules! parts {
        ($($field:ident: $part:expr),*) => {$(
            option.$field = pick(&base.$field, &ours.$field, &theirs.$field, || at($part), clashes);
        )*};
    }
    parts!(
        title: OptionPart::Title,
        description: OptionPart::Description,
        fit: OptionPart::Fit
    );
    option.values = merge_map(&base.values, &ours.values, &theirs.values, &value, clashes);
    option.ranges = merge_map(&base.ranges, &ours.ranges, &theirs.ranges, &value, clashes);
    Rc::new(option)
}

/// Merges per-criterion entries; a missing entry is a value like any other.
fn merge_map<V: Clone + PartialEq>(
    base: &BTreeMap<CriterionId, V>,
    ours: &BTreeMap<CriterionId, V>,
    theirs: &BTreeMap<CriterionId, V>,
    at: &dyn Fn(CriterionId) -> Clash,
    clashes: &mut Vec<Clash>,
) -> BTreeMap<CriterionId, V> {
    let keys: Vec<CriterionId> = ours
        .iter()
        .chain(theirs.iter())
        .chain(base.iter())
        .map(|(k, _)| *k)
        .collect();
    keys.into_iter()
        .filter_map(|key| {
            pick(
                &base.get(&key),
                &ours.get(&key),
                &theirs.get(&key),
                || at(key),
                clashes,
            )
            .map(|v| (key, v.clone()))
        })
        .collect()
}

/// [`merge_list`] for items taken whole: one changed on one side comes from
/// that side; changed on both, differently, it is a clash named by `named`.
fn merge_whole<T: Clone + PartialEq, K: PartialEq + Copy>(
    lists: (&[T], &[T], &[T]),
    key: impl Fn(&T) -> K,
    named: impl Fn(&T) -> Clash,
    clashes: &mut Vec<Clash>,
) -> Vec<T> {
    let item = |b: Option<&T>, o: &T, t: &T, clashes: &mut Vec<Clash>| {
        pick_item(b, o, t, || named(o), clashes)
    };
    merge_list(lists, key, item, &named, clashes)
}

/// Merges a list of items with stable keys: each item present in both is
/// merged by `item`; one added on either side is kept; one deleted on one
/// side goes unless the other changed it (a clash, named by `named`). The
/// order is the side that reordered, else theirs, with ours' additions after.
fn merge_list<T: Clone + PartialEq, K: PartialEq + Copy>(
    (base, ours, theirs): (&[T], &[T], &[T]),
    key: impl Fn(&T) -> K,
    item: impl Fn(Option<&T>, &T, &T, &mut Vec<Clash>) -> T,
    named: impl Fn(&T) -> Clash,
    clashes: &mut Vec<Clash>,
) -> Vec<T> {
    let find = |list: &[T], k: K| list.iter().find(|x| key(x) == k).cloned();
    let keys = |list: &[T]| list.iter().map(&key).collect::<Vec<K>>();
    let reordered_by_us = keys(ours) != keys(base) && keys(theirs) == keys(base);
    let (first, second) = if reordered_by_us {
        (ours, theirs)
    } else {
        (theirs, ours)
    };
    let mut merged = Vec::new();
    for x in first.iter().chain(second) {
        let k = key(x);
        if merged.iter().any(|m: &T| key(m) == k) {
            continue;
        }
        let in_base = find(base, k);
        match (find(ours, k), find(theirs, k)) {
            (Some(o), Some(t)) => merged.push(item(in_base.as_ref(), &o, &t, clashes)),
            // Only on one side: new there, or deleted on the other side.
            (Some(only), None) | (None, Some(only)) => match in_base {
                None => merged.push(only),
                Some(b) if b == only => {}
                Some(_) => {
                    clashes.push(named(&only));
                    if find(ours, k).is_some() {
                        merged.push(only);
                    }
                }
            },
            (None, None) => {}
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::demo::demo_scenario;
    use crate::domain::model::ids::ScenarioId;
    use crate::domain::model::scenario::ScenarioEdit;
    use crate::i18n::Lang;

    fn base() -> Scenario {
        demo_scenario(ScenarioId::from_parts(1, 1), &Lang::En.texts().demo)
    }

    fn edited(edits: Vec<ScenarioEdit>) -> Scenario {
        let mut s = base();
        for edit in edits {
            s.apply(edit).unwrap();
        }
        s
    }

    #[test]
    fn options_added_in_both_versions_are_all_kept_in_order() {
        let ours = edited(vec![ScenarioEdit::AddOption {
            title: "Ours".into(),
        }]);
        let mut theirs = base();
        theirs.options.retain(|o| o.id != base().options[0].id);
        let merged = merge(&base(), &ours, &theirs);
        assert!(merged.is_clean());
        let titles: Vec<&str> = merged
            .scenario
            .options
            .iter()
            .map(|o| o.title.as_str())
            .collect();
        assert_eq!(titles.last(), Some(&"Ours"));
        assert_eq!(titles.len(), base().options.len());
    }

    #[test]
    fn a_value_of_a_criterion_the_other_version_removed_is_a_clash_never_a_broken_scenario() {
        let b = base();
        let (option, criterion) = (b.options[0].id, b.criteria[0].id);
        let ours = edited(vec![ScenarioEdit::SetValue(option, criterion, Some(2.0))]);
        let theirs = edited(vec![ScenarioEdit::RemoveCriterion(criterion)]);
        let merged = merge(&b, &ours, &theirs);
        assert!(!merged.is_clean());
        assert!(merged.scenario.problems().is_empty());
    }

    #[test]
    fn the_same_change_in_both_versions_is_no_clash() {
        let ours = edited(vec![ScenarioEdit::Rename("Same".into())]);
        let merged = merge(&base(), &ours, &ours.clone());
        assert!(merged.is_clean());
        assert_eq!(merged.scenario, ours);
    }
}
