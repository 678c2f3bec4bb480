//! `certbench tls-config`: Mozilla's recommended configuration for a server.

use crate::Failure;
use crate::io::now;
use certbench_core::tls_config::{self, Request};

/// Exit 0 with the configuration; 2 when the server, profile or guideline is unknown (listing
/// the choices) or the version cannot meet the profile.
pub(crate) fn run(request: Request, json: bool) -> Result<u8, Failure> {
    let today = now().to_rfc3339();
    let date = today.get(..10).unwrap_or(&today);
    let generated = tls_config::generate(&request, date).map_err(|e| Failure(2, e.to_string()))?;
    if json {
        println!("{}", serde_json::to_string_pretty(&generated)?);
        return Ok(0);
    }
    print!("{}", generated.text);
    let mut notes = vec![format!(
        "Mozilla guideline {}{}, {} profile; {} suites, the worst rated {}",
        generated.guideline,
        generated
            .guideline_date
            .as_ref()
            .map(|d| format!(" ({d})"))
            .unwrap_or_default(),
        generated.profile,
        generated.suites.len(),
        format!("{:?}", generated.rating).to_ascii_lowercase()
    )];
    match generated.expands_to_guideline {
        Some(true) => notes.push(
            "the cipher string expands, as OpenSSL expands it, to exactly the guideline's suites"
                .into(),
        ),
        Some(false) if !generated.not_selected.is_empty() => notes.push(format!(
            "OpenSSL 3.0 as Debian builds it (what certbench's expansion follows) selects none of {} from this string: those suites are not built in",
            generated.not_selected.join(", ")
        )),
        Some(false) => notes.push(
            "the cipher string does not expand to the guideline's suites in its order (certbench ciphers shows what it selects)"
                .into(),
        ),
        None => {}
    }
    notes.extend(generated.warnings.iter().map(|w| format!("warning: {w}")));
    for note in notes {
        eprintln!("certbench: {note}");
    }
    Ok(0)
}
