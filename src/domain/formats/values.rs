//! How the model's small values are written in every format: ids as `c7`,
//! checked numbers checked as they are read, the words of directions, roles
//! and sampling modes, a range as `[low, high]`.

use super::{found_of, refuse, Num};
use crate::domain::model::criterion::{Direction, RatioRole, ScoreModel};
use crate::domain::model::ids::{CriterionId, LensId, OptionId, ScenarioId};
use crate::domain::model::problem::Issue;
use crate::domain::model::settings::WeightMode;
use crate::domain::model::settings::{Pin, Role};
use crate::domain::model::value::{Range, Threshold, Weight};
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;
use std::borrow::Cow;

/// An id read by `parse`; anything else is refused naming an `example`.
fn read_id<'de, D: Deserializer<'de>, T>(
    reader: D,
    parse: fn(&str) -> Option<T>,
    example: &'static str,
) -> Result<T, D::Error> {
    let value = Value::deserialize(reader)?;
    match &value {
        Value::String(text) => parse(text),
        _ => None,
    }
    .ok_or_else(|| {
        refuse(Issue::ExpectedId {
            example,
            found: found_of(&value),
        })
    })
}

macro_rules! id_format {
    ($name:ident, $example:literal, $pattern:literal) => {
        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, writer: S) -> Result<S::Ok, S::Error> {
                writer.collect_str(self)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(reader: D) -> Result<Self, D::Error> {
                read_id(reader, Self::parse, $example)
            }
        }

        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!({ "type": "string", "pattern": $pattern })
            }
        }
    };
}

id_format!(CriterionId, "c1", "^c[0-9]{1,9}$");
id_format!(OptionId, "o1", "^o[0-9]{1,9}$");
id_format!(LensId, "l1", "^l[0-9]{1,9}$");
id_format!(ScenarioId, "s1", "^[A-Za-z0-9_-]{1,64}$");

macro_rules! checked_format {
    ($name:ident, $minimum:literal, $maximum:literal) => {
        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, writer: S) -> Result<S::Ok, S::Error> {
                writer.serialize_f64(self.value())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(reader: D) -> Result<Self, D::Error> {
                let Num(number) = Num::deserialize(reader)?;
                Self::new(number).map_err(|e| refuse(Issue::Value(e)))
            }
        }

        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!({ "type": "number", "minimum": $minimum, "maximum": $maximum })
            }
        }
    };
}

checked_format!(Weight, 0, 1000);
checked_format!(Threshold, 0, 1_000_000_000_000_i64);

macro_rules! word_format {
    ($name:ident, $words:expr, $all:expr) => {
        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, writer: S) -> Result<S::Ok, S::Error> {
                let at = $all.iter().position(|v| v == self).unwrap_or(0);
                writer.serialize_str($words[at])
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(reader: D) -> Result<Self, D::Error> {
                let value = Value::deserialize(reader)?;
                let words: &[&str] = &$words;
                value
                    .as_str()
                    .and_then(|w| words.iter().position(|k| *k == w))
                    .map(|at| $all[at])
                    .ok_or_else(|| {
                        let words = words.iter().map(|w| (*w).to_owned()).collect();
                        refuse(Issue::ExpectedOneOf(words, found_of(&value)))
                    })
            }
        }

        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!({ "type": "string", "enum": $words })
            }
        }
    };
}

word_format!(Direction, Direction::KEYS, Direction::ALL);
word_format!(Role, Role::KEYS, Role::ALL);
word_format!(WeightMode, WeightMode::KEYS, WeightMode::ALL);
word_format!(RatioRole, RatioRole::KEYS, RatioRole::ALL);
word_format!(ScoreModel, ScoreModel::KEYS, ScoreModel::ALL);
word_format!(Pin, Pin::KEYS, Pin::ALL);

/// A range is `[low, high]`; the order is checked with the value it surrounds.
impl Serialize for Range {
    fn serialize<S: Serializer>(&self, writer: S) -> Result<S::Ok, S::Error> {
        [self.low, self.high].serialize(writer)
    }
}

impl<'de> Deserialize<'de> for Range {
    fn deserialize<D: Deserializer<'de>>(reader: D) -> Result<Self, D::Error> {
        match Vec::<Num>::deserialize(reader)?.as_slice() {
            [low, high] => Ok(Range {
                low: low.0,
                high: high.0,
            }),
            _ => Err(refuse(Issue::RangeOrder)),
        }
    }
}

impl JsonSchema for Range {
    fn schema_name() -> Cow<'static, str> {
        "Range".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "array",
            "items": { "type": "number" },
            "minItems": 2,
            "maxItems": 2
        })
    }
}

impl JsonSchema for Num {
    fn schema_name() -> Cow<'static, str> {
        "Number".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "number" })
    }
}
