//! A small map kept sorted by key. Scenarios hold a handful of values per
//! option; a sorted vector does what a B-tree does for them, in a fraction
//! of the code the page has to download.

use super::json::Json;

/// A map sorted by key (files write it as an object in key order).
#[derive(Clone, Debug, PartialEq)]
pub struct IdMap<K, V>(Vec<(K, V)>);

impl<K, V> Default for IdMap<K, V> {
    fn default() -> Self {
        IdMap(Vec::new())
    }
}

/// The entries of an [`IdMap`] in key order.
pub struct Iter<'a, K, V>(std::slice::Iter<'a, (K, V)>);

impl<'a, K, V> Iterator for Iter<'a, K, V> {
    type Item = (&'a K, &'a V);

    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|(k, v)| (k, v))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl<K: Ord, V> IdMap<K, V> {
    /// An empty map.
    pub fn new() -> Self {
        IdMap(Vec::new())
    }

    fn find(&self, key: &K) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.cmp(key))
    }

    /// The value for `key`.
    pub fn get(&self, key: &K) -> Option<&V> {
        self.find(key).ok().map(|i| &self.0[i].1)
    }

    /// Whether `key` has a value.
    pub fn contains_key(&self, key: &K) -> bool {
        self.find(key).is_ok()
    }

    /// Sets the value for `key`; hands back the one it replaced.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, value)),
            Err(i) => {
                self.0.insert(i, (key, value));
                None
            }
        }
    }

    /// Takes the value for `key` out.
    pub fn remove(&mut self, key: &K) -> Option<V> {
        self.find(key).ok().map(|i| self.0.remove(i).1)
    }
}

impl<K, V> IdMap<K, V> {
    /// How many keys have a value.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether no key has a value.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The entries in key order.
    pub fn iter(&self) -> Iter<'_, K, V> {
        Iter(self.0.iter())
    }
}

impl<K: Ord, V> FromIterator<(K, V)> for IdMap<K, V> {
    /// A later entry for the same key wins, as in any map.
    fn from_iter<I: IntoIterator<Item = (K, V)>>(entries: I) -> Self {
        let mut map = IdMap::new();
        for (key, value) in entries {
            map.insert(key, value);
        }
        map
    }
}

impl<'a, K, V> IntoIterator for &'a IdMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = Iter<'a, K, V>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<K: std::fmt::Display, V: Copy + Into<Json>> From<&IdMap<K, V>> for Json {
    /// An object with the keys in order.
    fn from(map: &IdMap<K, V>) -> Json {
        Json::Object(
            map.iter()
                .map(|(k, v)| (k.to_string(), (*v).into()))
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    proptest! {
        #[test]
        fn behaves_as_a_btree_map(ops in proptest::collection::vec((0u8..3, 0u16..40, any::<i32>()), 0..200)) {
            let mut ours = IdMap::new();
            let mut model = BTreeMap::new();
            for (op, key, value) in ops {
                match op {
                    0 => prop_assert_eq!(ours.insert(key, value), model.insert(key, value)),
                    1 => prop_assert_eq!(ours.remove(&key), model.remove(&key)),
                    _ => prop_assert_eq!(ours.get(&key), model.get(&key)),
                }
                prop_assert_eq!(ours.len(), model.len());
            }
            prop_assert!(ours.iter().eq(model.iter()));
        }
    }

    #[test]
    fn a_repeated_key_keeps_the_last_value_and_keys_come_in_order() {
        let map: IdMap<&str, i32> = [("b", 1), ("a", 2), ("b", 3)].into_iter().collect();
        let entries: Vec<_> = map.iter().collect();
        assert_eq!(entries, [(&"a", &2), (&"b", &3)]);
    }
}
