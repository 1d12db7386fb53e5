//! The JSON export of a ranked backlog (format `kerze-export`, version 1;
//! documented by `schema/kerze-export.v1.schema.json`).

use super::id_map::IdMap;
use super::ids::{CriterionId, OptionId};
use super::scenario::Scenario;
use super::scoring::{rank, segment_ranks, RankingNote};
use super::segment::PerSegment;
use serde::{Deserialize, Serialize};

/// Name of the export format.
pub const EXPORT_FORMAT: &str = "kerze-export";
/// Version of the export format written by this build.
pub const EXPORT_VERSION: u32 = 1;

/// A whole export file: the scenario's inputs and its ranking.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Export {
    /// Always [`EXPORT_FORMAT`].
    pub format: String,
    /// Format version.
    pub version: u32,
    /// When the file was made (ISO 8601, UTC).
    pub exported_at: String,
    /// The inputs.
    pub scenario: Scenario,
    /// The result.
    pub ranking: ExportedRanking,
}

/// The ranking part of an export.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportedRanking {
    /// Model used.
    pub model: String,
    /// `Σ w_c` over effective weights.
    pub total_weight: f64,
    /// Effective weight per criterion.
    pub weights: IdMap<CriterionId, f64>,
    /// Notes, as codes (`all_weights_zero`, `mix_all_zero:c4`, …).
    pub notes: Vec<String>,
    /// Ranked options, best first.
    pub options: Vec<ExportedOption>,
}

/// One ranked option in an export.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportedOption {
    /// Standard competition rank.
    pub rank: u32,
    /// The option's id.
    pub id: OptionId,
    /// The option's title.
    pub title: String,
    /// Score 0–100.
    pub score: f64,
    /// Contribution per criterion; they sum to the score.
    pub contributions: IdMap<CriterionId, f64>,
    /// Score below the scenario's threshold.
    pub below_threshold: bool,
    /// A needed value is missing.
    pub incomplete: bool,
    /// Criteria whose value is missing.
    pub missing: Vec<CriterionId>,
    /// Rank with the mix set to each segment alone.
    pub segment_ranks: PerSegment<u32>,
}

/// The note as a short stable code.
pub fn note_code(note: &RankingNote) -> String {
    match note {
        RankingNote::NoOptions => "no_options".to_owned(),
        RankingNote::NoCriteria => "no_criteria".to_owned(),
        RankingNote::AllWeightsZero => "all_weights_zero".to_owned(),
        RankingNote::MixAllZero(id) => format!("mix_all_zero:{id}"),
        RankingNote::SameAmountEverywhere(id) => format!("same_amount_everywhere:{id}"),
    }
}

/// Builds the export of `scenario`, stamped with `exported_at`.
pub fn export(scenario: &Scenario, exported_at: String) -> Export {
    let ranking = rank(scenario);
    let by_segment = segment_ranks(scenario, &ranking);
    let columns = || ranking.criteria.iter().copied().enumerate();
    let options = ranking
        .rows
        .iter()
        .map(|row| ExportedOption {
            rank: row.rank,
            id: row.id,
            title: scenario.options[row.index].title.clone(),
            score: row.score,
            contributions: columns()
                .map(|(c, id)| (id, ranking.contribution(row.index, c)))
                .collect(),
            below_threshold: row.below_threshold,
            incomplete: row.incomplete,
            missing: columns()
                .filter(|&(c, _)| ranking.is_missing(row.index, c))
                .map(|(_, id)| id)
                .collect(),
            segment_ranks: by_segment[row.index],
        })
        .collect();
    Export {
        format: EXPORT_FORMAT.to_owned(),
        version: EXPORT_VERSION,
        exported_at,
        scenario: scenario.clone(),
        ranking: ExportedRanking {
            model: "weighted_sum".to_owned(),
            total_weight: ranking.total_weight,
            weights: columns().map(|(c, id)| (id, ranking.weights[c])).collect(),
            notes: ranking.notes.iter().map(note_code).collect(),
            options,
        },
    }
}

/// The export as pretty JSON text.
pub fn export_json(scenario: &Scenario, exported_at: String) -> String {
    // Serialising plain data with string keys cannot fail.
    serde_json::to_string_pretty(&export(scenario, exported_at)).unwrap_or_default()
}

/// A file name such as `kerze-enterprise-onboarding-2026-11-26.json`.
pub fn export_file_name(scenario_name: &str, date: &str, extension: &str) -> String {
    let mut slug = String::new();
    // ASCII and German letters only: a full Unicode case table would cost the
    // download more than it gives a file name.
    for ch in scenario_name.chars().map(|c| c.to_ascii_lowercase()) {
        let piece = match ch {
            'ä' | 'Ä' => "ae",
            'ö' | 'Ö' => "oe",
            'ü' | 'Ü' => "ue",
            'ß' => "ss",
            c if c.is_ascii_alphanumeric() => {
                slug.push(c);
                continue;
            }
            _ => "-",
        };
        slug.push_str(piece);
    }
    let mut words: Vec<&str> = slug.split('-').filter(|w| !w.is_empty()).collect();
    let mut length = 0;
    words.retain(|w| {
        length += w.len() + 1;
        length <= 60
    });
    let slug = if words.is_empty() {
        "scenario".to_owned()
    } else {
        words.join("-")
    };
    format!("kerze-{slug}-{date}.{extension}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe_slugs() {
        assert_eq!(
            export_file_name("Enterprise onboarding: Q3!", "2026-11-26", "json"),
            "kerze-enterprise-onboarding-q3-2026-11-26.json"
        );
        assert_eq!(
            export_file_name("Größe über Maß", "2026-01-02", "json"),
            "kerze-groesse-ueber-mass-2026-01-02.json"
        );
        assert_eq!(
            export_file_name("<script>", "d", "json"),
            "kerze-script-d.json"
        );
        assert_eq!(
            export_file_name("   ", "d", "json"),
            "kerze-scenario-d.json"
        );
        assert!(export_file_name(&"word ".repeat(100), "d", "json").len() < 80);
    }
}
