//! Lint findings, most severe first, each with its rule.

use yew::prelude::*;

/// Lint findings, most severe first, each with the rule it comes from.
pub(crate) fn findings(list: &[certbench_core::lint::Finding]) -> Html {
    use certbench_core::lint::Severity;
    if list.is_empty() {
        return html! {};
    }
    html! {
        <ul class="findings">
            { for list.iter().map(|f| {
                let (class, word) = match f.severity {
                    Severity::Error => ("bad", "error"),
                    Severity::Warning => ("warn", "warning"),
                    Severity::Notice => ("notice", "notice"),
                };
                html! {
                    <li class={classes!("finding", class)} data-code={f.code.to_string()}>
                        <span class={classes!("badge", class)}>{ word }</span>{ " " }{ crate::tabs::prose(&f.message) }
                        <span class="muted">{ format!(" ({})", f.source) }</span>
                    </li>
                }
            }) }
        </ul>
    }
}
