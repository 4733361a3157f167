"""Run axe-core in a page and report what it finds."""

from tests.browser import tools

# WCAG 2.0, 2.1 and 2.2, levels A and AA.
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
    }
}
BLOCKING = {"serious", "critical"}

_RUN = """async (options) => {
    const results = await axe.run(document, options);
    return results.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({
            target: n.target.join(" "),
            html: n.html,
            summary: n.failureSummary,
        })),
    }));
}"""


def violations(page):
    """Every axe violation on the page as it stands now (injects axe first)."""
    if page.evaluate("() => typeof window.axe === 'undefined'"):
        page.add_script_tag(path=str(tools.AXE_SCRIPT))
    return page.evaluate(_RUN, AXE_OPTIONS)


def describe(where, found):
    """Readable lines for a failure message: rule, impact, each element."""
    lines = []
    for violation in found:
        lines.append(
            f"{where}: [{violation['impact']}] {violation['id']}: "
            f"{violation['help']} ({violation['helpUrl']})"
        )
        for node in violation["nodes"][:5]:
            lines.append(f"    at {node['target']}: {node['html'][:160]}")
            lines.append("      " + node["summary"].replace("\n", "\n      "))
        if len(violation["nodes"]) > 5:
            lines.append(f"    ... and {len(violation['nodes']) - 5} more elements")
    return lines


def blocking(found):
    return [v for v in found if v["impact"] in BLOCKING]
