//! Points in time as plain seconds. Core never reads a clock (wasm32 has none that std can
//! reach): callers pass "now" in, which also keeps every report reproducible.

use crate::error::Error;
use serde::{Deserialize, Serialize};

/// Seconds since 1970-01-01T00:00:00Z.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct UnixTime(pub i64);

/// A moment a report shows: RFC 3339 text in JSON (`2026-11-28T10:00:00Z`), seconds in the
/// binary form the page and its worker exchange, and a [`UnixTime`] to the code that judges it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Rfc3339(pub UnixTime);

impl std::fmt::Display for Rfc3339 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.to_rfc3339())
    }
}

impl Serialize for Rfc3339 {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match serializer.is_human_readable() {
            true => serializer.collect_str(self),
            false => serializer.serialize_i64(self.0.0),
        }
    }
}

impl<'de> Deserialize<'de> for Rfc3339 {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Rfc3339, D::Error> {
        match deserializer.is_human_readable() {
            true => {
                let text = String::deserialize(deserializer)?;
                UnixTime::parse_rfc3339(&text)
                    .map(Rfc3339)
                    .map_err(serde::de::Error::custom)
            }
            false => i64::deserialize(deserializer).map(|s| Rfc3339(UnixTime(s))),
        }
    }
}

impl UnixTime {
    /// A form's date field: empty means `now`; otherwise a browser's datetime-local value
    /// (`YYYY-MM-DDTHH:MM`, no zone), taken as UTC as the forms' labels say, or full RFC 3339.
    pub fn from_form(text: &str, now: UnixTime) -> Result<Self, Error> {
        match text.trim() {
            "" => Ok(now),
            text => Self::parse_rfc3339(&format!("{text}Z")).or_else(|_| Self::parse_rfc3339(text)),
        }
    }

    /// Parses RFC 3339 (`2026-11-28T10:00:00Z`, `…+02:00`, fractional seconds ignored) or a
    /// bare date (`2026-11-28`, meaning midnight UTC).
    pub fn parse_rfc3339(text: &str) -> Result<Self, Error> {
        let bad = || Error::InvalidTime(text.to_string());
        let s = text.trim();
        let (date, rest) = s.split_at(s.find(['T', 't', ' ']).unwrap_or(s.len()));
        let mut parts = date.split('-');
        let year: i64 = number(parts.next()).ok_or_else(bad)?;
        let month: u32 = number(parts.next()).ok_or_else(bad)?;
        let day: u32 = number(parts.next()).ok_or_else(bad)?;
        if parts.next().is_some() || !(1..=12).contains(&month) || day == 0 {
            return Err(bad());
        }
        if day > days_in_month(year, month) {
            return Err(bad());
        }
        let mut seconds = days_from_civil(year, month, day) * 86_400;
        if !rest.is_empty() {
            let clock = &rest[1..];
            let zone_at = clock.find(['Z', 'z', '+', '-']).ok_or_else(bad)?;
            let (hms, zone) = clock.split_at(zone_at);
            let hms = hms.split('.').next().unwrap_or_default();
            let mut fields = hms.split(':');
            let h: i64 = number(fields.next()).ok_or_else(bad)?;
            let m: i64 = number(fields.next()).ok_or_else(bad)?;
            let sec: i64 = match fields.next() {
                Some(f) => number(Some(f)).ok_or_else(bad)?,
                None => 0,
            };
            if fields.next().is_some() || h > 23 || m > 59 || sec > 60 {
                return Err(bad());
            }
            seconds += h * 3600 + m * 60 + sec;
            seconds -= zone_offset(zone).ok_or_else(bad)?;
        }
        Ok(UnixTime(seconds))
    }

    /// `YYYY-MM-DDTHH:MM:SSZ`.
    pub fn to_rfc3339(self) -> String {
        let days = self.0.div_euclid(86_400);
        let secs = self.0.rem_euclid(86_400);
        let (y, m, d) = civil_from_days(days);
        format!(
            "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
            secs / 3600,
            secs / 60 % 60,
            secs % 60
        )
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier), rounded toward zero.
    pub fn days_until(self, later: UnixTime) -> i64 {
        (later.0 - self.0) / 86_400
    }

    /// This moment plus `seconds` (minus, when negative).
    pub fn plus_seconds(self, seconds: i64) -> UnixTime {
        UnixTime(self.0.saturating_add(seconds))
    }
}

impl From<&x509_cert::time::Time> for UnixTime {
    /// From the fields, not `to_unix_duration`: that cannot be negative, and RFC 5280's UTCTime
    /// reaches back to 1950.
    fn from(time: &x509_cert::time::Time) -> Self {
        let t = time.to_date_time();
        let days = days_from_civil(
            i64::from(t.year()),
            u32::from(t.month()),
            u32::from(t.day()),
        );
        UnixTime(
            days * 86_400
                + i64::from(t.hour()) * 3600
                + i64::from(t.minutes()) * 60
                + i64::from(t.seconds()),
        )
    }
}

impl UnixTime {
    /// As a certificate, CRL or OCSP time: UTCTime for 1950-2049, GeneralizedTime otherwise, as
    /// RFC 5280 section 4.1.2.5 says; `None` outside years 0-9999.
    pub fn to_x509(self) -> Option<x509_cert::time::Time> {
        let (year, month, day) = civil_from_days(self.0.div_euclid(86_400));
        let secs = self.0.rem_euclid(86_400);
        let date = der::DateTime::new(
            u16::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
            u8::try_from(secs / 3600).ok()?,
            u8::try_from(secs / 60 % 60).ok()?,
            u8::try_from(secs % 60).ok()?,
        )
        .ok()?;
        Some(match der::asn1::UtcTime::from_date_time(date) {
            Ok(utc) => x509_cert::time::Time::UtcTime(utc),
            Err(_) => {
                x509_cert::time::Time::GeneralTime(der::asn1::GeneralizedTime::from_date_time(date))
            }
        })
    }
}

impl std::fmt::Display for UnixTime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.to_rfc3339())
    }
}

fn number<T: std::str::FromStr>(field: Option<&str>) -> Option<T> {
    let field = field?;
    if field.is_empty() || !field.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    field.parse().ok()
}

fn zone_offset(zone: &str) -> Option<i64> {
    if zone.eq_ignore_ascii_case("z") {
        return Some(0);
    }
    let sign = match zone.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let (h, m) = zone[1..].split_once(':')?;
    let (h, m): (i64, i64) = (number(Some(h))?, number(Some(m))?);
    (h <= 23 && m <= 59).then_some(sign * (h * 3600 + m * 60))
}

fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
pub(crate) fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (i64::from(month) + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    #[test]
    fn form_dates_are_utc_and_empty_means_now() {
        let now = UnixTime(1_000);
        assert_eq!(UnixTime::from_form("  ", now).unwrap(), now);
        let minute = UnixTime::parse_rfc3339("2030-01-02T03:04:00Z").unwrap();
        assert_eq!(
            UnixTime::from_form("2030-01-02T03:04", now).unwrap(),
            minute
        );
        assert_eq!(
            UnixTime::from_form("2030-01-02T03:04:00", now).unwrap(),
            minute
        );
        assert_eq!(
            UnixTime::from_form("2030-01-02T04:04:00+01:00", now).unwrap(),
            minute
        );
        assert!(UnixTime::from_form("tomorrow", now).is_err());
    }

    use super::*;

    #[test]
    fn round_trips_rfc3339() {
        for text in [
            "1970-01-01T00:00:00Z",
            "2026-11-28T10:26:41Z",
            "2049-12-31T23:59:59Z",
            "1950-02-28T12:00:00Z",
        ] {
            assert_eq!(UnixTime::parse_rfc3339(text).unwrap().to_rfc3339(), text);
        }
        assert_eq!(
            UnixTime::parse_rfc3339("2000-03-01T00:00:00Z").unwrap().0,
            951_868_800
        );
    }

    #[test]
    fn applies_offsets_and_bare_dates() {
        let utc = UnixTime::parse_rfc3339("2026-01-01T10:00:00Z").unwrap();
        assert_eq!(
            UnixTime::parse_rfc3339("2026-01-01T12:00:00+02:00").unwrap(),
            utc
        );
        assert_eq!(
            UnixTime::parse_rfc3339("2026-01-01T10:00:00.123Z").unwrap(),
            utc
        );
        assert_eq!(
            UnixTime::parse_rfc3339("2026-01-01").unwrap().0,
            utc.0 - 36_000
        );
    }

    #[test]
    fn rejects_nonsense() {
        for text in [
            "",
            "yesterday",
            "2026-13-01",
            "2026-02-30",
            "2026-01-01T25:00:00Z",
            "2026-01-01T10:00:00",
            "2026-01-01T10:00Zjunk",
            "١٢٣٤-01-01",
        ] {
            assert!(UnixTime::parse_rfc3339(text).is_err(), "{text}");
        }
    }
}
