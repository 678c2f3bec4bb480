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

/// `--check FILE`: exit 0 when the configuration matches one of Mozilla's profiles, 1 when it
/// matches none, 2 when it sets nothing TLS-related.
pub(crate) fn run_check(file: &std::path::PathBuf, json: bool) -> Result<u8, Failure> {
    let input = crate::io::read_input(Some(file))?;
    let text = String::from_utf8_lossy(&input);
    let check = tls_config::check(&text).map_err(|e| Failure(2, e.to_string()))?;
    let code = if check.matches.is_some() { 0 } else { 1 };
    if json {
        println!("{}", serde_json::to_string_pretty(&check)?);
        return Ok(code);
    }
    let s = &check.settings;
    println!("Read as: {}", s.kind);
    if let Some(p) = &s.protocols {
        println!("Protocols: {}", p.join(" "));
    }
    for suite in &check.suites {
        println!(
            "  {:<31} {}",
            suite.openssl,
            format!("{:?}", suite.rating).to_ascii_lowercase()
        );
    }
    if let Some(c) = &s.ciphersuites {
        println!("TLS 1.3 suites: {}", c.join(" "));
    }
    if let Some(g) = &s.groups {
        println!("Groups: {}", g.join(" "));
    }
    for p in &check.profiles {
        let verdict = if p.matches { "matches" } else { "differs" };
        println!(
            "\nMozilla {} (guideline {}): {verdict}",
            p.profile, p.guideline
        );
        for d in &p.differences {
            println!("  - {}: {}", d.detail, d.why);
        }
    }
    match &check.matches {
        Some(profile) => println!("\nMatches Mozilla's {profile} profile."),
        None => {
            let guideline = check
                .profiles
                .iter()
                .find(|p| p.profile == check.closest)
                .map_or("6.0", |p| p.guideline.as_str());
            print!("\nMatches no profile; the closest is {}", check.closest);
            match s.kind.as_str() {
                server @ ("nginx" | "apache" | "haproxy") => println!(
                    ", which this writes:\n  certbench tls-config --server {server} --profile {} --guidelines {guideline}",
                    check.closest
                ),
                _ => println!(" (guideline {guideline})."),
            }
        }
    }
    Ok(code)
}
