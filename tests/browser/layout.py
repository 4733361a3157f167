"""Layout checks run in a page: what reaches past the screen, how big the controls are.

``overflow(page)`` lists each element wider than the viewport (or reaching
past its edge) and each box whose content scrolls sideways beyond it;
``controls(page, form)`` measures a form's visible controls and
``size_problems`` says which are too small for a thumb or have their label
away from a tick box. The harness tests feed both a page with known faults.
"""

MIN_FONT_PX = 16
MIN_TARGET_PX = 44
MIN_TICK_BOX_PX = 24
# How far a tick box's label may start to the right of the box.
MAX_LABEL_GAP_PX = 32

# Each element that reaches past the viewport (after clipping by ancestors
# that hide their overflow), and each box whose content scrolls sideways
# beyond the viewport's width. Elements pushed wholly off screen (a skip link
# waiting for focus) and visually hidden ones are not "wider".
_OVERFLOW = """() => {
    const width = document.documentElement.clientWidth;
    const name = (el) => {
        let text = el.tagName.toLowerCase();
        if (el.id) text += "#" + el.id;
        for (const cls of [...el.classList].slice(0, 3)) text += "." + cls;
        return text;
    };
    const path = (el) => {
        const parts = [];
        for (let e = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
            parts.unshift(name(e));
        }
        return parts.join(" > ");
    };
    const found = [];
    const reported = new Set();
    for (const el of document.body.querySelectorAll("*")) {
        const style = getComputedStyle(el);
        if (style.display === "none" || style.visibility === "hidden") continue;
        const box = el.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) continue;
        let left = box.left;
        let right = box.right;
        for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
            const clip = getComputedStyle(a);
            if (clip.overflowX !== "visible" || clip.clip !== "auto" || clip.clipPath !== "none") {
                const outer = a.getBoundingClientRect();
                left = Math.max(left, outer.left);
                right = Math.min(right, outer.right);
            }
        }
        if (right - left <= 1) continue;
        let ancestorReported = false;
        for (let a = el.parentElement; a; a = a.parentElement) {
            if (reported.has(a)) { ancestorReported = true; break; }
        }
        const past = (right > width + 1 && left < width) || (left < -1 && right > 0);
        if (past && !ancestorReported) {
            reported.add(el);
            found.push(`${path(el)} spans ${Math.round(left)} to ${Math.round(right)} px`);
        }
        const scrolls = ["auto", "scroll"].includes(style.overflowX);
        if (scrolls && el.scrollWidth > width + 1 && el.scrollWidth > el.clientWidth + 1) {
            found.push(`${path(el)} scrolls sideways: content ${el.scrollWidth} px wide`);
        }
    }
    const page = document.documentElement.scrollWidth;
    if (page > width + 1) found.unshift(`the page scrolls sideways: ${page} px wide`);
    return found;
}"""

# The visible controls of a form, with their computed size and where the
# first line of their label's text sits.
_CONTROLS = """(form) => {
    const controls = [];
    for (const el of form.querySelectorAll("input, select, textarea, button")) {
        if (el.type === "hidden") continue;
        const box = el.getBoundingClientRect();
        let left = box.left;
        let right = box.right;
        for (let a = el.parentElement; a; a = a.parentElement) {
            const clip = getComputedStyle(a);
            if (clip.overflowX !== "visible" || clip.clip !== "auto" || clip.clipPath !== "none") {
                const outer = a.getBoundingClientRect();
                left = Math.max(left, outer.left);
                right = Math.min(right, outer.right);
            }
        }
        // A visually hidden control (the spam trap) is not for visitors.
        const visible = el.checkVisibility({ visibilityProperty: true })
            && right - left > 1 && right > 0 && left < innerWidth;
        if (!visible) continue;
        let label = null;
        const element = el.labels && el.labels[0];
        if (element) {
            const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                if (!node.textContent.trim()) continue;
                const range = document.createRange();
                range.selectNodeContents(node);
                const line = range.getClientRects()[0];
                if (line) {
                    label = { left: line.left, top: line.top, bottom: line.bottom };
                    break;
                }
            }
        }
        controls.push({
            id: el.id || el.name,
            kind: el.tagName === "INPUT" ? el.type : el.tagName.toLowerCase(),
            fontSize: parseFloat(getComputedStyle(el).fontSize),
            width: box.width,
            height: box.height,
            left: box.left,
            right: box.right,
            top: box.top,
            bottom: box.bottom,
            label,
        });
    }
    return controls;
}"""


def overflow(page):
    """Lines describing what is wider than the viewport (none when all fits)."""
    return page.evaluate(_OVERFLOW)


def controls(page, form):
    """The visible controls of ``form`` (a locator), measured."""
    return page.evaluate(_CONTROLS, form.element_handle())


def size_problems(controls, where):
    """Lines for each control below the sizes a phone needs; ``where`` names the form."""
    problems = []
    for c in controls:
        what = f"{where}: {c['kind']} {c['id']}"
        if c["kind"] in {"checkbox", "radio"}:
            if min(c["width"], c["height"]) < MIN_TICK_BOX_PX:
                problems.append(f"{what} is {c['width']:.0f}x{c['height']:.0f} px")
            label = c["label"]
            if label is None:
                problems.append(f"{what} has no label text")
                continue
            beside = (
                label["top"] < c["bottom"]
                and label["bottom"] > c["top"]
                and c["right"] - 1 <= label["left"] <= c["right"] + MAX_LABEL_GAP_PX
            )
            if not beside:
                problems.append(
                    f"{what}: label starts at ({label['left']:.0f}, {label['top']:.0f}),"
                    f" box at ({c['left']:.0f}, {c['top']:.0f})-({c['right']:.0f},"
                    f" {c['bottom']:.0f}): not beside it"
                )
            continue
        if c["fontSize"] < MIN_FONT_PX:
            problems.append(f"{what} has {c['fontSize']} px text")
        if c["height"] < MIN_TARGET_PX:
            problems.append(f"{what} is {c['height']:.0f} px tall")
    return problems
