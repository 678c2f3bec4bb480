//! A renewal calendar: one iCalendar (RFC 5545) event per certificate at its notAfter, with a
//! reminder 30 days before, for a bundle's certificates.

use crate::decode::CertificateReport;
use crate::time::UnixTime;

/// Days before notAfter the reminder goes off.
pub const REMINDER_DAYS: u32 = 30;

/// `YYYYMMDDTHHMMSSZ`, RFC 5545 §3.3.5's UTC date-time.
fn date_time(at: UnixTime) -> String {
    let rfc3339 = at.to_rfc3339();
    rfc3339
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == 'T' || *c == 'Z')
        .collect()
}

/// TEXT escaped (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks.
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// A content line folded at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character, and
/// ended with CRLF.
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

/// The name a certificate goes by in a calendar: its CN, else its first SAN, else its subject.
fn name(c: &CertificateReport) -> String {
    c.subject_attributes
        .iter()
        .rev()
        .find(|a| a.name == "CN")
        .map(|a| a.value.clone())
        .or_else(|| c.san.first().cloned())
        .unwrap_or_else(|| c.subject.clone())
}

/// The iCalendar of `certs`' expiry dates, stamped `now`.
pub fn ics(certs: &[&CertificateReport], now: UnixTime) -> String {
    let mut out = String::new();
    for content in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//certbench//certificate renewal calendar//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        line(&mut out, content);
    }
    for c in certs {
        let name = name(c);
        let mut about = vec![
            format!("Subject: {}", c.subject),
            format!("Issuer: {}", c.issuer),
            format!("Serial: {}", c.serial),
            format!("SHA-256: {}", c.fingerprint_sha256),
        ];
        if !c.san.is_empty() {
            about.push(format!("Names: {}", c.san.join(", ")));
        }
        if let Some(ari) = &c.ari_id {
            about.push(format!("ACME renewal information id: {ari}"));
        }
        line(&mut out, "BEGIN:VEVENT");
        line(&mut out, &format!("UID:{}@certbench", c.fingerprint_sha256));
        line(&mut out, &format!("DTSTAMP:{}", date_time(now)));
        line(&mut out, &format!("DTSTART:{}", date_time(c.not_after.0)));
        line(&mut out, "DURATION:PT1H");
        line(
            &mut out,
            &format!("SUMMARY:{}", text(&format!("Certificate expires: {name}"))),
        );
        line(
            &mut out,
            &format!("DESCRIPTION:{}", text(&about.join("\n"))),
        );
        line(&mut out, "TRANSP:TRANSPARENT");
        line(&mut out, "BEGIN:VALARM");
        line(&mut out, "ACTION:DISPLAY");
        line(&mut out, &format!("TRIGGER:-P{REMINDER_DAYS}D"));
        line(
            &mut out,
            &format!(
                "DESCRIPTION:{}",
                text(&format!("Renew {name}: it expires in {REMINDER_DAYS} days"))
            ),
        );
        line(&mut out, "END:VALARM");
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_fold_at_75_octets_and_text_is_escaped() {
        let mut out = String::new();
        line(&mut out, &format!("DESCRIPTION:{}", "é".repeat(60)));
        for part in out.split("\r\n").filter(|p| !p.is_empty()) {
            assert!(part.len() <= 75, "{part}");
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("DESCRIPTION:{}\r\n", "é".repeat(60)));
        assert_eq!(text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        assert_eq!(date_time(UnixTime(0)), "19700101T000000Z");
    }
}
