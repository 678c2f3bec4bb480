//! Sorting in a few hundred bytes of wasm: each type the standard library's slice sorts are
//! used with costs the wasm 2-5 KB of sorting code, and the worker's budget counts every one.
//! A binary heap of (key, position) costs a few hundred.

use std::collections::BinaryHeap;

/// `items` ordered by `key`; equal keys keep their order (a stable sort).
pub fn by_key<T, K: Ord>(items: Vec<T>, key: impl Fn(&T) -> K) -> Vec<T> {
    let keys: Vec<(K, usize)> = items
        .iter()
        .enumerate()
        .map(|(at, item)| (key(item), at))
        .collect();
    let order = BinaryHeap::from(keys).into_sorted_vec();
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order
        .into_iter()
        .filter_map(|(_, at)| slots.get_mut(at).and_then(Option::take))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_by_key_and_keeps_equal_keys_in_order() {
        let items = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')];
        assert_eq!(
            by_key(items, |&(k, _)| k),
            [(0, 'd'), (1, 'b'), (1, 'e'), (2, 'a'), (2, 'c')]
        );
        assert!(by_key(Vec::<u8>::new(), |&b| b).is_empty());
    }
}
