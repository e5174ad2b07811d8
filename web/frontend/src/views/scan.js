// Scanning the shop's QR code with the camera (qr-scanner, as Chromium on Linux and older phones lack a
// native barcode detector), or typing the link or code. A code from Heerlens Heitje's till is a link to this
// app's payment screen; anything else is refused without leaving the page.
import { h } from "../dom.js";
import { t } from "../i18n.js";
import { navigate } from "../router.js";
import { heading, para, field, fieldError, button, form, alert } from "../ui.js";

export function render() {
  const video = h("video", { class: "app-camera", muted: true, playsinline: true, "aria-label": t("scan.camera") });
  const status = h("div", { "aria-live": "polite" });
  let scanner = null;
  const start = button(t("scan.start"), {
    onclick: async () => {
      status.replaceChildren();
      start.disabled = true;
      try {
        const { default: QrScanner } = await import("qr-scanner");
        scanner = new QrScanner(
          video,
          (result) => {
            const to = paymentPath(result.data);
            if (to) {
              scanner.stop();
              navigate(to);
            } else {
              status.replaceChildren(alert(t("scan.not_ours"), "warning"));
            }
          },
          { returnDetailedScanResult: true, preferredCamera: "environment", maxScansPerSecond: 10 },
        );
        video.classList.add("app-camera--on");
        await scanner.start();
        status.replaceChildren(alert(t("scan.aim"), "info"));
      } catch {
        video.classList.remove("app-camera--on");
        start.disabled = false;
        status.replaceChildren(alert(t("scan.no_camera"), "error"));
      }
    },
  });
  const code = field({ name: "code", label: t("scan.code"), description: t("scan.code_help"), attrs: { autocapitalize: "none", spellcheck: "false" } });
  const go = button(t("scan.open"), { type: "submit", kind: "secondary" });
  const manual = form(t("scan.code"), [code.wrap, h("div", { class: "app-actions" }, go)], () => {
    fieldError(code, "");
    const to = paymentPath(code.input.value.trim());
    if (!to) {
      fieldError(code, t("scan.not_ours"));
      code.input.focus();
      return;
    }
    navigate(to);
  });
  const section = h("section", { class: "app-screen" }, heading(t("scan.title")), para(t("scan.intro")), h("div", { class: "app-actions" }, start), status, video, h("h2", { class: "utrecht-heading-2", text: t("scan.or_type") }), manual);
  // Leaving the screen stops the camera.
  addEventListener("popstate", () => scanner?.stop(), { once: true });
  return section;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// paymentPath is this app's payment screen for a scanned or typed text: a link to /betalen/{id} (on any
// host that serves this app), the old heitje://pay/{id} form, or the bare id; null for anything else.
export function paymentPath(text) {
  let id = null;
  if (uuid.test(text)) id = text;
  else if (text.startsWith("heitje://pay/")) id = text.slice("heitje://pay/".length);
  else {
    try {
      const u = new URL(text);
      const m = /^\/betalen\/([^/]+)$/.exec(u.pathname);
      if ((u.protocol === "https:" || u.protocol === "http:") && m) id = m[1];
    } catch {
      return null;
    }
  }
  return id && uuid.test(id) ? `/betalen/${id.toLowerCase()}` : null;
}
