// keys.js gives the console's elements marked data-key="<letter>" (and aria-keyshortcuts, for assistive
// technology) their shortcut: the letter clicks a button or link, or puts the cursor in a text field. It
// never fires while someone types in a field, nor with Ctrl, Alt, Meta or Shift held (the browser's own
// shortcuts stay). The key is taken on its way down and acted on when it comes up, so that the letter
// itself never lands in the field it moves the cursor to.
const typing = "input, textarea, select, [contenteditable]:not([contenteditable='false'])";

export function shortcuts(doc) {
  let pending = null;
  doc.addEventListener("keydown", (e) => {
    pending = null;
    if (e.defaultPrevented || e.repeat || e.isComposing || e.ctrlKey || e.altKey || e.metaKey || e.shiftKey) return;
    if (e.target instanceof Element && e.target.closest(typing)) return;
    if (e.key.length !== 1) return;
    const el = doc.querySelector(`[data-key="${CSS.escape(e.key.toLowerCase())}"]`);
    if (!el || el.closest("[hidden]")) return;
    e.preventDefault();
    pending = { key: e.key, el };
  });
  doc.addEventListener("keyup", (e) => {
    if (!pending || e.key !== pending.key) return;
    const { el } = pending;
    pending = null;
    e.preventDefault();
    if (el.matches(typing)) el.focus();
    else el.click();
  });
  // Says the shortcuts work from now on (the module loads after the page is shown).
  doc.documentElement.dataset.shortcuts = "on";
}
