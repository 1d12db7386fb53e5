//! Customer segments, a scenario's segment mix and an option's per-segment fit.

use crate::domain::model::value::Weight;

/// A customer segment the product sells to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
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
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize, schemars::JsonSchema)]
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

    /// Each segment's share of the mix (summing to 1), or `None` when every
    /// weight is 0. Divided by the largest weight first, so that a mix of
    /// tiny weights still gives finite shares.
    pub fn shares(&self) -> Option<PerSegment<f64>> {
        let largest = self
            .smb
            .value()
            .max(self.enterprise.value())
            .max(self.public_sector.value());
        if largest <= 0.0 {
            return None;
        }
        let scaled = |w: Weight| w.value() / largest;
        let total = scaled(self.smb) + scaled(self.enterprise) + scaled(self.public_sector);
        Some(PerSegment {
            smb: scaled(self.smb) / total,
            enterprise: scaled(self.enterprise) / total,
            public_sector: scaled(self.public_sector) / total,
        })
    }
}

/// Highest fit rating.
pub const FIT_MAX: f64 = 5.0;

impl SegmentRatings {
    /// The fit under the mix's `shares` (see [`SegmentMix::shares`]):
    /// `Σ share_s f_s`, and whether a segment with a share lacks its rating
    /// (which then counts as 0).
    #[inline]
    pub fn weighted_mean(&self, shares: &PerSegment<f64>) -> (f64, bool) {
        let pairs = [
            (shares.smb, self.smb),
            (shares.enterprise, self.enterprise),
            (shares.public_sector, self.public_sector),
        ];
        let mut sum = 0.0;
        let mut missing = false;
        for (share, rating) in pairs {
            if share > 0.0 {
                match rating {
                    Some(rating) => sum += share * rating,
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
        let shares = mix(20.0, 60.0, 20.0).shares().unwrap();
        let (fit, missing) = ratings.weighted_mean(&shares);
        assert!((fit - (0.2 * 2.0 + 0.6 * 5.0 + 0.2 * 4.0)).abs() < 1e-12);
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
            ratings.weighted_mean(&SegmentMix::only(Segment::Enterprise).shares().unwrap()),
            (5.0, false)
        );
        let (fit, missing) = ratings.weighted_mean(&mix(1.0, 1.0, 1.0).shares().unwrap());
        assert!((fit - 5.0 / 3.0).abs() < 1e-12 && missing);
    }

    #[test]
    fn an_all_zero_mix_weighs_nothing() {
        assert_eq!(mix(0.0, 0.0, 0.0).shares(), None);
    }

    #[test]
    fn a_mix_of_tiny_weights_has_finite_shares() {
        let shares = mix(1e-300, 0.0, 3e-300).shares().unwrap();
        assert!((shares.smb - 0.25).abs() < 1e-12);
        assert!((shares.public_sector - 0.75).abs() < 1e-12);
    }
}
