//! Certificate policies (RFC 5280 sections 6.1.2-6.1.5): the valid_policy_tree grown and pruned
//! certificate by certificate from the anchor down, policy mappings, requireExplicitPolicy,
//! inhibitPolicyMapping and inhibitAnyPolicy with their skip counts, and the intersection with
//! the policies the user accepts.
//!
//! Without the `policies` feature (the web app's build, for now) the types stay and nothing
//! here runs: policy extensions are then taken as read, as before.
#![cfg_attr(not(feature = "policies"), allow(dead_code))]

use super::Candidate;
use const_oid::ObjectIdentifier as Oid;
use const_oid::db::rfc5280::{
    ANY_POLICY, ID_CE_CERTIFICATE_POLICIES, ID_CE_INHIBIT_ANY_POLICY, ID_CE_POLICY_CONSTRAINTS,
    ID_CE_POLICY_MAPPINGS,
};
use der::Decode;
use serde::{Deserialize, Serialize};
use x509_cert::ext::pkix::{CertificatePolicies, InhibitAnyPolicy, PolicyConstraints};

/// The user's policy inputs (RFC 5280 section 6.1.1 (c), (e)-(g)).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PolicyInputs {
    /// user-initial-policy-set; empty means anyPolicy.
    pub initial: Vec<Oid>,
    /// initial-explicit-policy: the path must be valid for at least one policy.
    pub require_explicit: bool,
    /// initial-policy-mapping-inhibit.
    pub inhibit_mapping: bool,
    /// initial-any-policy-inhibit.
    pub inhibit_any: bool,
}

/// What policy processing found (dotted OIDs; `2.5.29.32.0` is anyPolicy).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Policies {
    /// The policies the CAs of the path allow (the tree's leaves), before the user's set.
    pub authority_constrained: Vec<String>,
    /// Those also in the user's set (or all, when the user accepts any).
    pub user_constrained: Vec<String>,
    /// Which certificate pruned what, top down, in words.
    pub notes: Vec<String>,
    /// The valid_policy_tree at the end (RFC 5280 section 6.1.5 (g)), from its anyPolicy root:
    /// one level per certificate below the anchor. `None` when processing left it NULL.
    pub tree: Option<PolicyNode>,
}

/// One node of the valid_policy_tree (RFC 5280 section 6.1.2 (a)) and the nodes below it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyNode {
    /// valid_policy, dotted.
    pub policy: String,
    /// Its name, when certbench knows one (`anyPolicy`, `DV`, …).
    pub name: Option<String>,
    /// expected_policy_set, dotted: what the next certificate's policies must be to hang here
    /// (another policy after a mapping).
    pub expected: Vec<String>,
    /// The nodes of the next level whose parent this is.
    pub children: Vec<PolicyNode>,
}

impl PolicyNode {
    /// The policies a mapping made this node expect below it, when they are not its own.
    pub fn mapped_to(&self) -> Option<&[String]> {
        match self.expected.as_slice() {
            [only] if *only == self.policy => None,
            expected => Some(expected),
        }
    }
}

struct Node {
    policy: Oid,
    expected: Vec<Oid>,
    /// Index of the parent in the level above (the root's is itself).
    parent: usize,
    alive: bool,
}

/// The tree, level by level; level 0 holds the anyPolicy root.
struct Tree(Vec<Vec<Node>>);

impl Tree {
    fn new() -> Tree {
        Tree(vec![vec![Node {
            policy: ANY_POLICY,
            expected: vec![ANY_POLICY],
            parent: 0,
            alive: true,
        }]])
    }

    fn level(&self, depth: usize) -> impl Iterator<Item = (usize, &Node)> {
        self.0
            .get(depth)
            .into_iter()
            .flatten()
            .enumerate()
            .filter(|(_, n)| n.alive)
    }

    fn has_child(&self, depth: usize, parent: usize, policy: &Oid) -> bool {
        self.level(depth + 1)
            .any(|(_, n)| n.parent == parent && n.policy == *policy)
    }

    /// Deletes the children of dead nodes, then every node above `depth` left without
    /// children; `false` when the whole tree is gone.
    fn prune(&mut self, depth: usize) -> bool {
        for d in 1..self.0.len() {
            let (above, below) = self.0.split_at_mut(d);
            for node in &mut below[0] {
                node.alive &= above[d - 1][node.parent].alive;
            }
        }
        for d in (0..depth).rev() {
            for i in 0..self.0[d].len() {
                let has_children = self.0[d + 1].iter().any(|c| c.alive && c.parent == i);
                if !has_children {
                    self.0[d][i].alive = false;
                }
            }
        }
        self.0[0][0].alive
    }

    /// The live node `index` of level `depth` and its live descendants.
    fn node(&self, depth: usize, index: usize) -> PolicyNode {
        let node = &self.0[depth][index];
        let dotted = node.policy.to_string();
        let name = crate::oids::name(&node.policy);
        PolicyNode {
            name: (name != dotted).then_some(name),
            policy: dotted,
            expected: node.expected.iter().map(Oid::to_string).collect(),
            children: self
                .level(depth + 1)
                .filter(|(_, child)| child.parent == index)
                .map(|(k, _)| self.node(depth + 1, k))
                .collect(),
        }
    }

    fn leaves(&self, depth: usize) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for (_, n) in self.level(depth) {
            let dotted = n.policy.to_string();
            if !out.contains(&dotted) {
                out.push(dotted);
            }
        }
        out
    }
}

fn raw_extension<'a>(cert: &'a Candidate<'_>, oid: Oid) -> Option<&'a [u8]> {
    cert.cert
        .tbs_certificate()
        .extensions()
        .into_iter()
        .flatten()
        .find(|e| e.extn_id == oid)
        .map(|e| e.extn_value.as_bytes())
}

fn extension<'a, T: Decode<'a>>(cert: &'a Candidate<'_>, oid: Oid) -> Option<T> {
    T::from_der(raw_extension(cert, oid)?).ok()
}

/// A counter of RFC 5280 section 6.1.2: `n + 1`, or 0 when the user sets the input.
fn initial(set: bool, n: usize) -> usize {
    if set { 0 } else { n + 1 }
}

/// Runs sections 6.1.3 (d)-(f), 6.1.4 (a)-(b), (h)-(j) and 6.1.5 (a)-(b), (g) over `path`
/// (the certificates below the anchor, the anchor's child first and the leaf last).
pub(super) fn process(path: &[&Candidate<'_>], inputs: &PolicyInputs) -> Result<Policies, String> {
    let n = path.len();
    let mut tree = Some(Tree::new());
    let mut explicit = initial(inputs.require_explicit, n);
    let mut any_inhibit = initial(inputs.inhibit_any, n);
    let mut mapping = initial(inputs.inhibit_mapping, n);
    let mut notes = Vec::new();
    for (index, cert) in path.iter().enumerate() {
        let i = index + 1;
        let self_issued = cert.self_issued();
        // 6.1.3 (d)-(e).
        match (
            extension::<CertificatePolicies>(cert, ID_CE_CERTIFICATE_POLICIES),
            tree.as_mut(),
        ) {
            (Some(policies), Some(t)) => {
                t.0.push(Vec::new());
                let any = policies.0.iter().any(|p| p.policy_identifier == ANY_POLICY);
                for p in policies
                    .0
                    .iter()
                    .filter(|p| p.policy_identifier != ANY_POLICY)
                {
                    let id = p.policy_identifier;
                    let parents: Vec<usize> = t
                        .level(i - 1)
                        .filter(|(_, node)| node.expected.contains(&id))
                        .map(|(k, _)| k)
                        .collect();
                    let parents = match parents.is_empty() {
                        false => parents,
                        true => t
                            .level(i - 1)
                            .filter(|(_, node)| node.policy == ANY_POLICY)
                            .map(|(k, _)| k)
                            .collect(),
                    };
                    for parent in parents {
                        t.0[i].push(Node {
                            policy: id,
                            expected: vec![id],
                            parent,
                            alive: true,
                        });
                    }
                }
                if any && (any_inhibit > 0 || (i < n && self_issued)) {
                    let wanted: Vec<(usize, Oid)> = t
                        .level(i - 1)
                        .flat_map(|(k, node)| node.expected.iter().map(move |e| (k, *e)))
                        .collect();
                    for (parent, policy) in wanted {
                        if !t.has_child(i - 1, parent, &policy) {
                            t.0[i].push(Node {
                                policy,
                                expected: vec![policy],
                                parent,
                                alive: true,
                            });
                        }
                    }
                }
                if !t.prune(i) {
                    notes.push(format!(
                        "{} leaves no policy of those above it",
                        cert.subject
                    ));
                    tree = None;
                }
            }
            (None, Some(_)) => {
                notes.push(format!(
                    "{} has no certificatePolicies: no policy is valid below it",
                    cert.subject
                ));
                tree = None;
            }
            _ => {}
        }
        // (f)
        if explicit == 0 && tree.is_none() {
            return Err(format!(
                "an explicit policy is required at {}, and no policy is valid for the path",
                cert.subject
            ));
        }
        if i == n {
            break;
        }
        // 6.1.4 (a)-(b): policy mappings.
        if let Some(raw) = raw_extension(cert, ID_CE_POLICY_MAPPINGS) {
            let Some(mappings) = crate::decode::ext::policy_mappings(raw) else {
                return Err(format!("{}'s policyMappings is malformed", cert.subject));
            };
            if mappings
                .iter()
                .any(|(from, to)| *from == ANY_POLICY || *to == ANY_POLICY)
            {
                return Err(format!(
                    "{} maps anyPolicy, which RFC 5280 forbids",
                    cert.subject
                ));
            }
            if let Some(t) = tree.as_mut() {
                let mut issuer_policies: Vec<Oid> = Vec::new();
                for (from, _) in &mappings {
                    if !issuer_policies.contains(from) {
                        issuer_policies.push(*from);
                    }
                }
                for id in issuer_policies {
                    let mapped: Vec<Oid> = mappings
                        .iter()
                        .filter(|(from, _)| *from == id)
                        .map(|(_, to)| *to)
                        .collect();
                    if mapping > 0 {
                        let holders: Vec<usize> = t
                            .level(i)
                            .filter(|(_, node)| node.policy == id)
                            .map(|(k, _)| k)
                            .collect();
                        for k in &holders {
                            t.0[i][*k].expected = mapped.clone();
                        }
                        let any_node = t
                            .level(i)
                            .find(|(_, node)| node.policy == ANY_POLICY)
                            .map(|(_, node)| node.parent);
                        if let (true, Some(parent)) = (holders.is_empty(), any_node) {
                            t.0[i].push(Node {
                                policy: id,
                                expected: mapped,
                                parent,
                                alive: true,
                            });
                        }
                    } else {
                        for node in t.0[i].iter_mut().filter(|node| node.policy == id) {
                            node.alive = false;
                        }
                        notes.push(format!(
                            "{} maps {id}, but policy mapping is inhibited: the policy is dropped",
                            cert.subject
                        ));
                        if !t.prune(i) {
                            tree = None;
                            break;
                        }
                    }
                }
            }
        }
        // (h)-(j): counters.
        if !self_issued {
            explicit = explicit.saturating_sub(1);
            mapping = mapping.saturating_sub(1);
            any_inhibit = any_inhibit.saturating_sub(1);
        }
        if let Some(constraints) = extension::<PolicyConstraints>(cert, ID_CE_POLICY_CONSTRAINTS) {
            if let Some(skip) = constraints
                .require_explicit_policy
                .and_then(|s| usize::try_from(s).ok())
            {
                explicit = explicit.min(skip);
            }
            if let Some(skip) = constraints
                .inhibit_policy_mapping
                .and_then(|s| usize::try_from(s).ok())
            {
                mapping = mapping.min(skip);
            }
        }
        if let Some(InhibitAnyPolicy(skip)) =
            extension::<InhibitAnyPolicy>(cert, ID_CE_INHIBIT_ANY_POLICY)
            && let Ok(skip) = usize::try_from(skip)
        {
            any_inhibit = any_inhibit.min(skip);
        }
    }
    // 6.1.5 (a)-(b).
    explicit = explicit.saturating_sub(1);
    if let Some(leaf) = path.last()
        && extension::<PolicyConstraints>(leaf, ID_CE_POLICY_CONSTRAINTS)
            .is_some_and(|c| c.require_explicit_policy == Some(0))
    {
        explicit = 0;
    }
    let authority_constrained = tree.as_ref().map(|t| t.leaves(n)).unwrap_or_default();
    // (g): the intersection with the user's set.
    if let (Some(t), false) = (tree.as_mut(), inputs.initial.is_empty()) {
        let user = &inputs.initial;
        let mut present: Vec<Oid> = Vec::new();
        for d in 1..=n {
            for k in 0..t.0[d].len() {
                let node = &t.0[d][k];
                let parent_is_any = t.0[d - 1][node.parent].policy == ANY_POLICY;
                if !node.alive || !parent_is_any {
                    continue;
                }
                if node.policy != ANY_POLICY && !user.contains(&node.policy) {
                    t.0[d][k].alive = false;
                } else {
                    present.push(node.policy);
                }
            }
        }
        let any_leaf = t
            .level(n)
            .find(|(_, node)| node.policy == ANY_POLICY)
            .map(|(k, node)| (k, node.parent));
        if let Some((k, parent)) = any_leaf {
            for policy in user.iter().filter(|p| !present.contains(p)) {
                t.0[n].push(Node {
                    policy: *policy,
                    expected: vec![*policy],
                    parent,
                    alive: true,
                });
            }
            t.0[n][k].alive = false;
        }
        if !t.prune(n) {
            tree = None;
        }
    }
    let user_constrained = tree.as_ref().map(|t| t.leaves(n)).unwrap_or_default();
    if explicit == 0 && user_constrained.is_empty() {
        return Err(match authority_constrained.is_empty() {
            true => "an explicit policy is required, and no policy is valid for the path".into(),
            false => format!(
                "an explicit policy is required, and none of the path's policies ({}) is among those accepted",
                authority_constrained.join(", ")
            ),
        });
    }
    Ok(Policies {
        authority_constrained,
        user_constrained,
        notes,
        tree: tree.filter(|t| t.0[0][0].alive).map(|t| t.node(0, 0)),
    })
}
