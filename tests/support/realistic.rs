//! A realistic scenario of any size for link-length checks: B2B option titles
//! of the length PMs write, eight criteria, a need and a root cause.

use super::rng::xorshift;
use kerze::domain::model::criterion::{Direction, InputKind};
use kerze::domain::model::ids::{CriterionId, ScenarioId};
use kerze::domain::model::scenario::{Scenario, ScenarioEdit};
use kerze::domain::model::segment::Segment;
use kerze::domain::model::value::{Threshold, Weight};
use kerze::i18n::Lang;

/// B2B option titles of the length PMs write.
pub const TITLES: [&str; 50] = [
    "Self-serve onboarding wizard",
    "SAML single sign-on",
    "Audit log export for compliance",
    "Usage-based pricing tier",
    "Slack alerts for failed syncs",
    "Bulk CSV import of accounts",
    "Role-based access control",
    "On-premise deployment option",
    "In-app guided product tour",
    "Public API with rate limits",
    "Data residency in the EU",
    "Custom fields per workspace",
    "Mobile approval workflow",
    "Accessibility audit (WCAG 2.1 AA)",
    "Partner reseller portal",
    "Annual invoicing with PO numbers",
    "Sandbox environments for pilots",
    "Two-factor authentication",
    "Salesforce CRM sync",
    "Template gallery for common setups",
    "SCIM user provisioning",
    "Dedicated customer success manager",
    "Offline mode for field teams",
    "Multi-currency billing",
    "Custom report builder",
    "Webhooks for order events",
    "Tender documentation pack",
    "ISO 27001 certification",
    "Free tier with usage caps",
    "White-label branding",
    "Approval chains for purchases",
    "German and French UI",
    "Uptime SLA of 99.9 %",
    "Migration service from legacy tools",
    "Granular permission sets",
    "Email digest of weekly activity",
    "Zapier connector",
    "Private cloud hosting",
    "Contract templates for public buyers",
    "Usage analytics dashboard",
    "Shared inbox for support requests",
    "Data retention policies",
    "Self-serve plan upgrades",
    "Onsite training for admins",
    "Microsoft Teams integration",
    "Field-level encryption",
    "Referral programme for SMBs",
    "Quarterly business reviews",
    "Bulk edit in the list view",
    "Status page with incident history",
];

/// The scenario with the first `count` titles (cycled past 50).
pub fn realistic(count: usize) -> Scenario {
    let mut s = Scenario::with_default_criteria(
        ScenarioId::from_parts(1, 1),
        "Enterprise onboarding Q3".to_owned(),
        Lang::En.texts().demo.criteria,
    );
    s.need = "Enterprise customers take nine weeks to go live".to_owned();
    s.root_cause = "Every setup is done by hand by our team".to_owned();
    s.threshold = Threshold::new(50.0).unwrap();
    let w = |v| Weight::new(v).unwrap();
    s.segment_mix.set(Segment::Smb, w(20.0));
    s.segment_mix.set(Segment::Enterprise, w(60.0));
    s.segment_mix.set(Segment::PublicSector, w(20.0));
    for (name, lower) in [
        ("Risk", true),
        ("Strategic fit", false),
        ("Confidence", false),
        ("Support load", true),
    ] {
        let kind = InputKind::Rating;
        s.apply(ScenarioEdit::AddCriterion {
            name: name.to_owned(),
            kind,
        })
        .unwrap();
        let id = s.criteria.last().unwrap().id;
        s.apply(ScenarioEdit::SetWeight(id, w(2.0))).unwrap();
        if lower {
            s.apply(ScenarioEdit::SetDirection(id, Direction::LowerIsBetter))
                .unwrap();
        }
    }
    let mut next = xorshift(0x2545_f491_4f6c_dd1d);
    let mut pick = |choices: &[f64]| choices[(next() % choices.len() as u64) as usize];
    for i in 0..count {
        let title = TITLES[i % TITLES.len()].to_owned();
        s.apply(ScenarioEdit::AddOption { title }).unwrap();
        let o = s.options.last().unwrap().id;
        let mut set = |c: u32, v: f64| {
            s.apply(ScenarioEdit::SetValue(o, CriterionId::new(c), Some(v)))
                .unwrap();
        };
        set(1, pick(&[5.0, 10.0, 15.0, 20.0, 30.0, 40.0, 60.0, 80.0]));
        set(2, pick(&[2.0, 3.0, 4.0, 6.0, 8.0, 12.0]));
        for c in [3, 5, 6, 7, 8] {
            set(c, pick(&[1.0, 2.0, 3.0, 4.0, 5.0]));
        }
        for segment in Segment::ALL {
            let v = pick(&[0.0, 1.0, 2.0, 3.0, 4.0, 5.0]);
            s.apply(ScenarioEdit::SetFit(o, segment, Some(v))).unwrap();
        }
    }
    s
}
