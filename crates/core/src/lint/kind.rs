//! What kind of certificate this is, detected as zlint and pkilint do it (basicConstraints,
//! extendedKeyUsage, the CA/Browser Forum's reserved policy OIDs), so each rule judges only the
//! certificates its profile covers. `certbench lint --profile` overrides it.

use super::view::View;
use const_oid::ObjectIdentifier as Oid;
use const_oid::db::rfc5280::{
    ANY_EXTENDED_KEY_USAGE, ANY_POLICY, ID_KP_CODE_SIGNING, ID_KP_EMAIL_PROTECTION,
    ID_KP_OCSP_SIGNING, ID_KP_SERVER_AUTH, ID_KP_TIME_STAMPING,
};
use const_oid::db::rfc6962::CT_PRECERT_POISON;

/// A set of certificate kinds, one bit each: a rule applies to those in its set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Kinds(pub u32);

impl Kinds {
    /// A self-issued CA certificate.
    pub const ROOT: Kinds = Kinds(1);
    /// A subordinate CA for TLS that asserts CA/B Forum policies.
    pub const TLS_CA: Kinds = Kinds(1 << 1);
    /// A subordinate CA for S/MIME that asserts CA/B Forum policies.
    pub const SMIME_CA: Kinds = Kinds(1 << 2);
    /// A subordinate CA for code signing that asserts CA/B Forum policies.
    pub const CODE_SIGNING_CA: Kinds = Kinds(1 << 3);
    /// Any other subordinate CA (a private one, or one whose purpose it does not say).
    pub const OTHER_CA: Kinds = Kinds(1 << 4);
    /// TLS subscriber, domain validated (2.23.140.1.2.1).
    pub const TLS_DV: Kinds = Kinds(1 << 5);
    /// TLS subscriber, organisation validated (2.23.140.1.2.2).
    pub const TLS_OV: Kinds = Kinds(1 << 6);
    /// TLS subscriber, individual validated (2.23.140.1.2.3).
    pub const TLS_IV: Kinds = Kinds(1 << 7);
    /// TLS subscriber, extended validation (2.23.140.1.1).
    pub const TLS_EV: Kinds = Kinds(1 << 8);
    /// A TLS server certificate asserting no CA/B Forum policy: a private PKI's.
    pub const TLS_PRIVATE: Kinds = Kinds(1 << 9);
    /// A precertificate (RFC 6962 poison extension); set beside its TLS kind.
    pub const PRECERTIFICATE: Kinds = Kinds(1 << 10);
    /// A delegated OCSP responder's certificate (extendedKeyUsage OCSPSigning).
    pub const OCSP_RESPONDER: Kinds = Kinds(1 << 11);
    /// S/MIME subscriber, mailbox validated (2.23.140.1.5.1.x).
    pub const SMIME_MAILBOX: Kinds = Kinds(1 << 12);
    /// S/MIME subscriber, organisation validated (2.23.140.1.5.2.x).
    pub const SMIME_ORGANIZATION: Kinds = Kinds(1 << 13);
    /// S/MIME subscriber, sponsor validated (2.23.140.1.5.3.x).
    pub const SMIME_SPONSORED: Kinds = Kinds(1 << 14);
    /// S/MIME subscriber, individual validated (2.23.140.1.5.4.x).
    pub const SMIME_INDIVIDUAL: Kinds = Kinds(1 << 15);
    /// S/MIME generation legacy (….1); set beside the S/MIME kind.
    pub const SMIME_LEGACY: Kinds = Kinds(1 << 16);
    /// S/MIME generation multipurpose (….2).
    pub const SMIME_MULTIPURPOSE: Kinds = Kinds(1 << 17);
    /// S/MIME generation strict (….3).
    pub const SMIME_STRICT: Kinds = Kinds(1 << 18);
    /// A code signing certificate under the CA/B Forum's Code Signing BRs (2.23.140.1.4.1).
    pub const CODE_SIGNING: Kinds = Kinds(1 << 19);
    /// An EV code signing certificate (2.23.140.1.3).
    pub const EV_CODE_SIGNING: Kinds = Kinds(1 << 20);
    /// A time-stamping authority's certificate (extendedKeyUsage timeStamping).
    pub const TIMESTAMPING: Kinds = Kinds(1 << 21);
    /// Any other end-entity certificate.
    pub const OTHER: Kinds = Kinds(1 << 22);
    /// A TLS subscriber judged by the Baseline Requirements although it asserts no validation
    /// policy (as zlint judges every server certificate): only by `--profile tls-br`.
    pub const TLS_BR: Kinds = Kinds(1 << 23);

    /// TLS subscribers under the Baseline Requirements (DV, OV, IV, EV, or not stated).
    pub const TLS_SUBSCRIBER: Kinds =
        Kinds(Self::TLS_DV.0 | Self::TLS_OV.0 | Self::TLS_IV.0 | Self::TLS_EV.0 | Self::TLS_BR.0);
    /// Every CA certificate.
    pub const CA: Kinds = Kinds(
        Self::ROOT.0
            | Self::TLS_CA.0
            | Self::SMIME_CA.0
            | Self::CODE_SIGNING_CA.0
            | Self::OTHER_CA.0,
    );
    /// CA certificates the CA/B Forum's requirements cover: roots and subordinates that assert
    /// its policies.
    pub const PUBLIC_CA: Kinds =
        Kinds(Self::ROOT.0 | Self::TLS_CA.0 | Self::SMIME_CA.0 | Self::CODE_SIGNING_CA.0);
    /// Every S/MIME subscriber.
    pub const SMIME: Kinds = Kinds(
        Self::SMIME_MAILBOX.0
            | Self::SMIME_ORGANIZATION.0
            | Self::SMIME_SPONSORED.0
            | Self::SMIME_INDIVIDUAL.0,
    );
    /// Every certificate.
    pub const ALL: Kinds = Kinds(u32::MAX);

    /// Whether the two sets share a kind.
    pub fn meets(self, other: Kinds) -> bool {
        self.0 & other.0 != 0
    }

    /// Both sets together.
    pub const fn and(self, other: Kinds) -> Kinds {
        Kinds(self.0 | other.0)
    }
}

/// The profiles `certbench lint --profile` names and the card shows: id, name, kinds.
pub static PROFILES: &[(&str, &str, Kinds)] = &[
    ("root", "root CA", Kinds::ROOT),
    ("tls-ca", "TLS BR subordinate CA", Kinds::TLS_CA),
    ("smime-ca", "S/MIME BR subordinate CA", Kinds::SMIME_CA),
    (
        "code-signing-ca",
        "Code Signing BR subordinate CA",
        Kinds::CODE_SIGNING_CA,
    ),
    (
        "ca",
        "subordinate CA (no CA/B Forum policy)",
        Kinds::OTHER_CA,
    ),
    ("tls-dv", "TLS BR subscriber, DV", Kinds::TLS_DV),
    ("tls-ov", "TLS BR subscriber, OV", Kinds::TLS_OV),
    ("tls-iv", "TLS BR subscriber, IV", Kinds::TLS_IV),
    ("tls-ev", "TLS BR subscriber, EV", Kinds::TLS_EV),
    (
        "tls-server",
        "TLS server (private PKI: no CA/B Forum policy)",
        Kinds::TLS_PRIVATE,
    ),
    (
        "tls-br",
        "TLS BR subscriber, validation type not stated",
        Kinds::TLS_BR,
    ),
    ("ocsp-responder", "OCSP responder", Kinds::OCSP_RESPONDER),
    (
        "smime-mailbox",
        "S/MIME BR mailbox-validated",
        Kinds::SMIME_MAILBOX,
    ),
    (
        "smime-organization",
        "S/MIME BR organization-validated",
        Kinds::SMIME_ORGANIZATION,
    ),
    (
        "smime-sponsored",
        "S/MIME BR sponsor-validated",
        Kinds::SMIME_SPONSORED,
    ),
    (
        "smime-individual",
        "S/MIME BR individual-validated",
        Kinds::SMIME_INDIVIDUAL,
    ),
    (
        "code-signing",
        "Code Signing BR subscriber",
        Kinds::CODE_SIGNING,
    ),
    (
        "ev-code-signing",
        "EV Code Signing subscriber",
        Kinds::EV_CODE_SIGNING,
    ),
    (
        "timestamping",
        "time-stamping authority",
        Kinds::TIMESTAMPING,
    ),
    ("other", "end-entity certificate", Kinds::OTHER),
];

/// Modifiers a profile id can carry after a comma (`--profile smime-mailbox,strict`).
static MODIFIERS: &[(&str, &str, Kinds)] = &[
    ("precertificate", "precertificate", Kinds::PRECERTIFICATE),
    ("legacy", "legacy", Kinds::SMIME_LEGACY),
    ("multipurpose", "multipurpose", Kinds::SMIME_MULTIPURPOSE),
    ("strict", "strict", Kinds::SMIME_STRICT),
];

/// The certificate's kind and how it is named.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Profile {
    /// Its kinds (one main kind, and modifiers).
    pub kinds: Kinds,
}

impl Profile {
    /// Reads a `--profile` value: an id of [`PROFILES`], then modifiers after commas.
    pub fn parse(text: &str) -> Option<Profile> {
        let mut parts = text.split(',').map(str::trim);
        let main = parts.next()?;
        let mut kinds = PROFILES.iter().find(|(id, ..)| *id == main)?.2;
        for part in parts {
            kinds = kinds.and(MODIFIERS.iter().find(|(id, ..)| *id == part)?.2);
        }
        Some(Profile { kinds })
    }

    /// Its id, as `--profile` takes it.
    pub fn id(self) -> String {
        self.words(|(id, _, _)| id, ",")
    }

    /// Its name, as the card shows it ("TLS BR subscriber, OV, precertificate").
    pub fn name(self) -> String {
        self.words(|(_, name, _)| name, ", ")
    }

    fn words(
        self,
        pick: fn(&(&'static str, &'static str, Kinds)) -> &'static str,
        join: &str,
    ) -> String {
        let mut out: Vec<&str> = PROFILES
            .iter()
            .chain(MODIFIERS)
            .filter(|p| self.kinds.meets(p.2))
            .map(pick)
            .collect();
        if out.is_empty() {
            out.push("other");
        }
        out.join(join)
    }

    /// The profile `view` falls under, detected.
    pub(super) fn detect(view: &View, is_ca: bool, self_issued: bool) -> Profile {
        let policies: Vec<&[u8]> = view.policies().iter().map(|p| p.oid).collect();
        let has_policy = |oid: &str| policies.iter().any(|p| *p == oid_bytes(oid));
        let under = |arc: &str| policies.iter().any(|p| p.starts_with(&oid_bytes(arc)));
        let is_ev = has_policy(EV) || EV_POLICIES.iter().any(|ev| has_policy(ev));
        let eku = view.eku();
        let has_eku = |oid: Oid| eku.contains(&oid.as_bytes());
        let mut kinds = if is_ca {
            let cabf = under(CABF_ARC) || is_ev || has_policy_oid(&policies, ANY_POLICY);
            if self_issued {
                Kinds::ROOT
            } else if !cabf {
                Kinds::OTHER_CA
            } else if has_eku(ID_KP_SERVER_AUTH) || (eku.is_empty() && (under(TLS_ARC) || is_ev)) {
                Kinds::TLS_CA
            } else if has_eku(ID_KP_EMAIL_PROTECTION) || (eku.is_empty() && under(SMIME_ARC)) {
                Kinds::SMIME_CA
            } else if has_eku(ID_KP_CODE_SIGNING) || under(CODE_SIGNING_ARC) {
                Kinds::CODE_SIGNING_CA
            } else {
                Kinds::OTHER_CA
            }
        } else if has_eku(ID_KP_OCSP_SIGNING) {
            Kinds::OCSP_RESPONDER
        } else if has_eku(ID_KP_SERVER_AUTH)
            || has_eku(ANY_EXTENDED_KEY_USAGE) && under(TLS_ARC)
            || eku.is_empty() && (under(TLS_ARC) || is_ev || names_hosts(view))
        {
            if is_ev {
                Kinds::TLS_EV
            } else if has_policy("2.23.140.1.2.1") {
                Kinds::TLS_DV
            } else if has_policy("2.23.140.1.2.2") {
                Kinds::TLS_OV
            } else if has_policy("2.23.140.1.2.3") {
                Kinds::TLS_IV
            } else {
                Kinds::TLS_PRIVATE
            }
        } else if let Some(smime) = smime_kinds(&policies) {
            smime
        } else if has_policy("2.23.140.1.3") {
            Kinds::EV_CODE_SIGNING
        } else if has_eku(ID_KP_CODE_SIGNING) && has_policy("2.23.140.1.4.1") {
            Kinds::CODE_SIGNING
        } else if has_eku(ID_KP_TIME_STAMPING) {
            Kinds::TIMESTAMPING
        } else {
            Kinds::OTHER
        };
        if view.ext(CT_PRECERT_POISON).is_some() {
            kinds = kinds.and(Kinds::PRECERTIFICATE);
        }
        Profile { kinds }
    }
}

/// The CA/Browser Forum's arc of reserved policy OIDs, and its TLS, S/MIME and code signing
/// arcs; the EV TLS policy.
const CABF_ARC: &str = "2.23.140.1";
const TLS_ARC: &str = "2.23.140.1.2";
const SMIME_ARC: &str = "2.23.140.1.5";
const CODE_SIGNING_ARC: &str = "2.23.140.1.4";
const EV: &str = "2.23.140.1.1";

/// CAs' own EV policy OIDs, which EV certificates assert instead of (or beside) the CA/B
/// Forum's 2.23.140.1.1: those of the root programs' EV lists (zlint's list, util/ev.go).
const EV_POLICIES: &[&str] = &[
    "0.4.0.2042.1.4",
    "0.4.0.2042.1.5",
    "1.2.392.200091.100.721.1",
    "1.2.40.0.17.1.22",
    "1.3.159.1.17.1",
    "1.3.6.1.4.1.13177.10.1.3.10",
    "1.3.6.1.4.1.14370.1.6",
    "1.3.6.1.4.1.14777.6.1.1",
    "1.3.6.1.4.1.17326.10.14.2.1.2",
    "1.3.6.1.4.1.17326.10.8.2.1.2",
    "1.3.6.1.4.1.22234.2.5.2.3.1",
    "1.3.6.1.4.1.23223.1.1.1",
    "1.3.6.1.4.1.23223.2",
    "1.3.6.1.4.1.34697.2.1",
    "1.3.6.1.4.1.34697.2.2",
    "1.3.6.1.4.1.34697.2.3",
    "1.3.6.1.4.1.34697.2.4",
    "1.3.6.1.4.1.36305.2",
    "1.3.6.1.4.1.4146.1.1",
    "1.3.6.1.4.1.6334.1.100.1",
    "1.3.6.1.4.1.6449.1.2.1.5.1",
    "1.3.6.1.4.1.782.1.2.1.8.1",
    "1.3.6.1.4.1.7879.13.24.1",
    "1.3.6.1.4.1.8024.0.2.100.1.2",
    "2.16.528.1.1001.1.1.1.12.6.1.1.1",
    "2.16.578.1.26.1.3.3",
    "2.16.756.1.83.21.0",
    "2.16.756.1.89.1.2.1.1",
    "2.16.792.1.2.1.1.5.7.1.9",
    "2.16.792.3.0.4.1.1.4",
    "2.16.840.1.113733.1.7.23.6",
    "2.16.840.1.113733.1.7.48.1",
    "2.16.840.1.114028.10.1.2",
    "2.16.840.1.114171.500.9",
    "2.16.840.1.114404.1.1.2.4.1",
    "2.16.840.1.114412.1.3.0.2",
    "2.16.840.1.114412.2.1",
    "2.16.840.1.114413.1.7.23.3",
    "2.16.840.1.114414.1.7.23.3",
];

/// An OID's content octets, from its dotted text (an arc given here is always valid).
pub(super) fn oid_bytes(dotted: &str) -> Vec<u8> {
    Oid::new(dotted)
        .map(|o| o.as_bytes().to_vec())
        .unwrap_or_default()
}

fn has_policy_oid(policies: &[&[u8]], oid: Oid) -> bool {
    policies.contains(&oid.as_bytes())
}

/// Whether the SAN names DNS hosts or IP addresses.
fn names_hosts(view: &View) -> bool {
    view.general_names(const_oid::db::rfc5280::ID_CE_SUBJECT_ALT_NAME)
        .is_some_and(|names| names.iter().any(|(tag, _)| matches!(tag, 0x82 | 0x87)))
}

/// An S/MIME BR policy's kind and generation (2.23.140.1.5.{type}.{generation}).
fn smime_kinds(policies: &[&[u8]]) -> Option<Kinds> {
    let arc = oid_bytes(SMIME_ARC);
    policies.iter().find_map(|p| {
        let rest = p.strip_prefix(arc.as_slice())?;
        let kind = match rest.first()? {
            1 => Kinds::SMIME_MAILBOX,
            2 => Kinds::SMIME_ORGANIZATION,
            3 => Kinds::SMIME_SPONSORED,
            4 => Kinds::SMIME_INDIVIDUAL,
            _ => return None,
        };
        let generation = match rest.get(1)? {
            1 => Kinds::SMIME_LEGACY,
            2 => Kinds::SMIME_MULTIPURPOSE,
            3 => Kinds::SMIME_STRICT,
            _ => return None,
        };
        Some(kind.and(generation))
    })
}

/// A set of kinds in words, for docs/lint.md and rule texts ("TLS BR subscriber certificate").
pub(super) fn kinds_name(kinds: Kinds) -> String {
    let named = [
        (Kinds::ALL, "certificate"),
        (Kinds::CA, "CA certificate"),
        (Kinds::PUBLIC_CA, "public CA certificate"),
        (Kinds::TLS_SUBSCRIBER, "TLS BR subscriber certificate"),
        (
            Kinds::TLS_SUBSCRIBER.and(Kinds::PUBLIC_CA),
            "TLS BR subscriber or public CA certificate",
        ),
        (Kinds::SMIME, "S/MIME BR subscriber certificate"),
        (
            Kinds::CODE_SIGNING.and(Kinds::EV_CODE_SIGNING),
            "code signing certificate",
        ),
        (Kinds::PRECERTIFICATE, "precertificate"),
    ];
    if let Some((_, name)) = named.iter().find(|(k, _)| *k == kinds) {
        return (*name).to_string();
    }
    let names: Vec<&str> = PROFILES
        .iter()
        .filter(|(_, _, k)| kinds.0 & k.0 == k.0)
        .map(|(_, name, _)| *name)
        .collect();
    if names.len() > 4 {
        "publicly trusted certificate (TLS, S/MIME, code signing, OCSP, CA)".into()
    } else {
        format!("{} certificate", names.join(" or "))
    }
}
