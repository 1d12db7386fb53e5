//! Customer segments, a scenario's segment mix and an option's per-segment fit.

use super::value::Weight;
use serde::{Deserialize, Serialize};

/// A customer segment the product sells to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Segment {
    /// Small and medium businesses: mass market, self-serve.
    Smb,
    /// Large enterprises: long sales cycles, pilots, customisation.
    Enterprise,
    /// Public sector / B2G: longest cycles, strict entry rules.
    PublicSector,
}

impl Segment {
    /// Every segment, in the order the product shows them.
    pub const ALL: [Segment; 3] = [Segment::Smb, Segment::Enterprise, Segment::PublicSector];

    /// The segment's key in stored and exported files.
    pub fn key(self) -> &'static str {
        match self {
            Segment::Smb => "smb",
            Segment::Enterprise => "enterprise",
            Segment::PublicSector => "public_sector",
        }
    }
}

/// One value per segment.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PerSegment<T> {
    /// The SMB value.
    pub smb: T,
    /// The Enterprise value.
    pub enterprise: T,
    /// The public-sector value.
    pub public_sector: T,
}

impl<T: Copy> PerSegment<T> {
    /// The same value for every segment.
    pub fn splat(value: T) -> Self {
        Self {
            smb: value,
            enterprise: value,
            public_sector: value,
        }
    }

    /// The value for one segment.
    pub fn get(&self, segment: Segment) -> T {
        match segment {
            Segment::Smb => self.smb,
            Segment::Enterprise => self.enterprise,
            Segment::PublicSector => self.public_sector,
        }
    }

    /// Sets the value for one segment.
    pub fn set(&mut self, segment: Segment, value: T) {
        match segment {
            Segment::Smb => self.smb = value,
            Segment::Enterprise => self.enterprise = value,
            Segment::PublicSector => self.public_sector = value,
        }
    }
}

/// How much each segment matters in a scenario: weights `m_s ≥ 0`.
pub type SegmentMix = PerSegment<Weight>;

/// An option's fit rating per segment, `f_s ∈ [0, 5]`; `None` when not rated yet.
pub type SegmentRatings = PerSegment<Option<f64>>;

impl SegmentMix {
    /// The mix with one segment alone (the per-segment view).
    pub fn only(segment: Segment) -> Self {
        let mut mix = Self::splat(Weight::default());
        mix.set(segment, Weight::new(1.0).unwrap_or_default());
        mix
    }

    /// `Σ m_s`.
    pub fn total(&self) -> f64 {
        self.smb.value() + self.enterprise.value() + self.public_sector.value()
    }
}

/// Highest fit rating.
pub const FIT_MAX: f64 = 5.0;

impl SegmentRatings {
    /// `Σ m_s f_s` over the segments the mix weighs, with a missing rating
    /// counting as 0, and whether a rating the mix needs is missing.
    /// Divided by `Σ m_s` it is the option's fit.
    #[inline]
    pub fn weighted_sum(&self, mix: &SegmentMix) -> (f64, bool) {
        let pairs = [
            (mix.smb.value(), self.smb),
            (mix.enterprise.value(), self.enterprise),
            (mix.public_sector.value(), self.public_sector),
        ];
        let mut sum = 0.0;
        let mut missing = false;
        for (weight, rating) in pairs {
            if weight > 0.0 {
                match rating {
                    Some(rating) => sum += weight * rating,
                    None => missing = true,
                }
            }
        }
        (sum, missing)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mix(smb: f64, enterprise: f64, public_sector: f64) -> SegmentMix {
        SegmentMix {
            smb: Weight::new(smb).unwrap(),
            enterprise: Weight::new(enterprise).unwrap(),
            public_sector: Weight::new(public_sector).unwrap(),
        }
    }

    #[test]
    fn fit_is_the_mix_weighted_mean() {
        let ratings = SegmentRatings {
            smb: Some(2.0),
            enterprise: Some(5.0),
            public_sector: Some(4.0),
        };
        let mix = mix(20.0, 60.0, 20.0);
        let (sum, missing) = ratings.weighted_sum(&mix);
        assert!((sum / mix.total() - (0.2 * 2.0 + 0.6 * 5.0 + 0.2 * 4.0)).abs() < 1e-12);
        assert!(!missing);
    }

    #[test]
    fn a_missing_rating_counts_as_zero_only_where_the_mix_needs_it() {
        let ratings = SegmentRatings {
            smb: None,
            enterprise: Some(5.0),
            public_sector: None,
        };
        assert_eq!(
            ratings.weighted_sum(&SegmentMix::only(Segment::Enterprise)),
            (5.0, false)
        );
        assert_eq!(ratings.weighted_sum(&mix(1.0, 1.0, 1.0)), (5.0, true));
    }

    #[test]
    fn an_all_zero_mix_weighs_nothing() {
        assert_eq!(
            SegmentRatings::splat(Some(3.0)).weighted_sum(&mix(0.0, 0.0, 0.0)),
            (0.0, false)
        );
    }
}
