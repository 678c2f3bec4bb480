//! OCSP response rules (RFC 6960 §2.4, CA/B TLS BR §4.9.10): the response's times and status.
//! A rule judges a response produced (producedAt) after it took effect.

use super::registry::*;
use crate::decode::ocsp::OcspResponseReport;
use crate::finding::Finding;

/// Every finding for one OCSP response, most severe first.
pub(super) fn findings(r: &OcspResponseReport) -> Vec<Finding> {
    let mut out = Vec::new();
    let produced = r.produced_at.map(|t| t.0);
    let mut raise = |rule: &'static Rule, message: String| {
        if produced.is_none_or(|at| rule.in_effect_for(at)) {
            out.push(super::finding(rule, message));
        }
    };
    if r.status != crate::ocsp::ResponseStatus::Successful.name() {
        raise(
            &OCSP_NOT_SUCCESSFUL,
            format!(
                "the responder answered {}: the response holds no certificate status",
                r.status
            ),
        );
    }
    for single in &r.responses {
        let this = single.this_update.0;
        if produced.is_some_and(|at| this > at) {
            raise(
                &OCSP_THIS_UPDATE_AFTER_PRODUCED,
                format!("thisUpdate ({}) is after producedAt", single.this_update),
            );
        }
        match single.next_update {
            None => raise(
                &OCSP_NEXT_UPDATE_MISSING,
                "no nextUpdate: clients cannot tell when the status goes stale".into(),
            ),
            Some(next) if next.0 < this => raise(
                &OCSP_NEXT_BEFORE_THIS,
                format!(
                    "nextUpdate ({next}) is before thisUpdate ({})",
                    single.this_update
                ),
            ),
            Some(next) => {
                // BR §4.9.10 counts the interval inclusively, in seconds.
                let interval = next.0.0 - this.0 + 1;
                if interval > 10 * 86_400 {
                    raise(
                        &OCSP_VALIDITY_TOO_LONG,
                        format!(
                            "valid for {:.1} days; at most 10 are allowed",
                            interval as f64 / 86_400.0
                        ),
                    );
                } else if interval < 8 * 3_600 {
                    raise(
                        &OCSP_VALIDITY_TOO_SHORT,
                        format!(
                            "valid for {:.1} hours; at least 8 are required",
                            interval as f64 / 3_600.0
                        ),
                    );
                }
            }
        }
    }
    crate::sort::by_key(out, |f| f.severity)
}

#[cfg(test)]
mod tests {
    use crate::time::{Rfc3339, UnixTime};
    use der::Decode;

    /// The fixture's good response (`openssl ocsp`, tests/fixtures/ocsp.sh), its times set
    /// to a sound window: produced at thisUpdate, valid for a day.
    fn clean() -> crate::decode::ocsp::OcspResponseReport {
        let der = include_bytes!("../../../../tests/fixtures/leaf-good.ocsp");
        let response = crate::ocsp::OcspResponse::from_der(der).expect("the fixture decodes");
        let mut r = crate::decode::ocsp::response(&response);
        let at = UnixTime(1_800_000_000);
        r.produced_at = Some(Rfc3339(at));
        for single in &mut r.responses {
            single.this_update = Rfc3339(at);
            single.next_update = Some(Rfc3339(at.plus_seconds(86_400)));
        }
        r
    }

    fn rules(r: &crate::decode::ocsp::OcspResponseReport) -> Vec<String> {
        super::findings(r)
            .into_iter()
            .map(|f| f.rule.into_owned())
            .collect()
    }

    #[test]
    fn each_ocsp_rule_finds_what_breaks_it_and_nothing_in_a_clean_response() {
        assert_eq!(rules(&clean()), Vec::<String>::new());
        let at = UnixTime(1_800_000_000);
        type Breaks = fn(&mut crate::decode::ocsp::OcspResponseReport, UnixTime);
        let cases: [(&str, Breaks); 6] = [
            ("ocsp_not_successful", |r, _| {
                r.status = crate::ocsp::ResponseStatus::TryLater.name().into()
            }),
            ("ocsp_this_update_after_produced", |r, at| {
                r.produced_at = Some(Rfc3339(at.plus_seconds(-60)))
            }),
            ("ocsp_next_update_missing", |r, _| {
                r.responses[0].next_update = None
            }),
            ("ocsp_next_before_this", |r, at| {
                r.responses[0].next_update = Some(Rfc3339(at.plus_seconds(-1)))
            }),
            ("ocsp_validity_too_long", |r, at| {
                r.responses[0].next_update = Some(Rfc3339(at.plus_seconds(11 * 86_400)))
            }),
            ("ocsp_validity_too_short", |r, at| {
                r.responses[0].next_update = Some(Rfc3339(at.plus_seconds(3_600)))
            }),
        ];
        for (id, break_it) in cases {
            let mut r = clean();
            break_it(&mut r, at);
            assert!(
                rules(&r).iter().any(|f| f == id),
                "{id}: not raised; found {:?}",
                rules(&r)
            );
        }
        // Exactly 10 days, and exactly 8 hours, are allowed (the interval counts inclusively).
        let mut edge = clean();
        edge.responses[0].next_update = Some(Rfc3339(at.plus_seconds(10 * 86_400 - 1)));
        assert_eq!(rules(&edge), Vec::<String>::new());
        edge.responses[0].next_update = Some(Rfc3339(at.plus_seconds(8 * 3_600 - 1)));
        assert_eq!(rules(&edge), Vec::<String>::new());
    }
}
