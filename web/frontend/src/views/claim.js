// One claim: what is asked now. Claimed or asked for more: add one to three photos (taken with the camera or
// picked) and a note, and send them with the upload's progress shown. Sent: wait for the review. Approved:
// the reward on its way, then arrived. Rejected: the reason. A claim not yet decided can be withdrawn.
import { h, uid } from "../dom.js";
import { t, euros, dateTime } from "../i18n.js";
import { call, upload, ApiError } from "../api.js";
import { heading, para, button, alert, busy, dataList, link, fieldError } from "../ui.js";
import { statusBadge } from "./claims.js";

const maxPhotos = 3;
const proofStates = ["claimed", "needs_info"];
const undecided = ["claimed", "needs_info", "submitted"];

export async function render({ params, query, rerender }) {
  const { claims } = await call("GET", "/v1/me/claims?limit=200");
  const c = claims.find((x) => x.id === params.id);
  if (!c) return h("section", { class: "app-screen" }, heading(t("claim.title")), alert(t("error.code.not_found"), "warning"), link(t("claims.title"), "/mijn-klussen"));
  const status = h("div", { "aria-live": "polite" });
  const parts = [
    heading(c.chore_title),
    query.get("nieuw") ? alert(t("claim.taken"), "ok") : null,
    h("p", { class: "utrecht-paragraph" }, statusBadge(c.status)),
    para(t(`claim.explain.${c.status}`, { amount: euros(c.reward_cents) })),
    dataList(
      [
        [t("claim.reward"), euros(c.reward_cents)],
        [t("claim.claimed_at"), dateTime(c.claimed_at)],
        c.proof_due_at && proofStates.includes(c.status) ? [t("claim.proof_due"), dateTime(c.proof_due_at)] : null,
        c.photo_count ? [t("claim.photos_sent"), String(c.photo_count)] : null,
        c.submitted_at ? [t("claim.submitted_at"), dateTime(c.submitted_at)] : null,
        c.decided_at ? [t("claim.decided_at"), dateTime(c.decided_at)] : null,
        c.rewarded_at ? [t("claim.rewarded_at"), dateTime(c.rewarded_at)] : null,
      ].filter(Boolean),
    ),
    c.info_request && c.status === "needs_info" ? h("div", { class: "app-question" }, h("h2", { class: "utrecht-heading-2", text: t("claim.question") }), para(c.info_request)) : null,
    c.reject_reason ? h("div", { class: "app-question" }, h("h2", { class: "utrecht-heading-2", text: t("claim.reason") }), para(c.reject_reason)) : null,
    c.status === "approved" ? alert(t("claim.reward_on_way"), "info") : null,
    c.status === "rewarded" ? h("p", { class: "utrecht-paragraph" }, link(t("claim.see_balance"), "/saldo")) : null,
    status,
    proofStates.includes(c.status) ? proofForm(c, status, rerender) : null,
    undecided.includes(c.status) ? withdraw(c, status, rerender) : null,
    h("p", { class: "utrecht-paragraph" }, link(t("claims.back"), "/mijn-klussen")),
  ];
  return h("section", { class: "app-screen" }, parts);
}

// proofForm is the photos and the note, checked in the browser before anything is sent: one to three
// images, each one the browser can decode.
function proofForm(c, status, rerender) {
  const id = uid("photos");
  const input = h("input", { class: "app-file", type: "file", id, name: "photo", accept: "image/jpeg,image/png,image/webp", multiple: true, capture: "environment", "aria-describedby": `${id}-desc` });
  const error = h("p", { class: "utrecht-form-field-error-message", id: `${id}-error`, hidden: true });
  const files = { wrap: null, input, error };
  const noteId = uid("note");
  const note = h("textarea", { class: "utrecht-textarea", id: noteId, name: "note", maxlength: "1000", rows: "3" });
  const progress = h("progress", { class: "app-progress", max: "100", value: "0", hidden: true, "aria-label": t("claim.upload_progress") });
  const send = button(t("claim.send"), { type: "submit" });
  const f = h(
    "form",
    {
      class: "utrecht-form",
      "aria-label": t("claim.proof_title"),
      novalidate: true,
      onsubmit: async (e) => {
        e.preventDefault();
        status.replaceChildren();
        fieldError(files, "");
        const chosen = [...input.files];
        const problem = await checkPhotos(chosen);
        if (problem) {
          fieldError(files, problem);
          input.focus();
          return;
        }
        const form = new FormData();
        for (const file of chosen) form.append("photo", file, file.name);
        if (note.value.trim()) form.append("note", note.value.trim());
        progress.hidden = false;
        try {
          await busy(send, () => upload(`/v1/claims/${encodeURIComponent(c.id)}/proof`, form, (share) => (progress.value = Math.round(share * 100))));
          history.replaceState(null, "", `/mijn-klussen/${c.id}`);
          rerender();
        } catch (err) {
          if (!(err instanceof ApiError)) throw err;
          progress.hidden = true;
          status.append(alert(err.message, "error"));
        }
      },
    },
    h("h2", { class: "utrecht-heading-2", text: t("claim.proof_title") }),
    h(
      "div",
      { class: "utrecht-form-field" },
      h("div", { class: "utrecht-form-field__label" }, h("label", { class: "utrecht-form-label", for: id, text: t("claim.photos") })),
      h("p", { class: "utrecht-form-field-description", id: `${id}-desc`, text: t("claim.photos_help") }),
      error,
      h("div", { class: "utrecht-form-field__input" }, input),
    ),
    h(
      "div",
      { class: "utrecht-form-field" },
      h("div", { class: "utrecht-form-field__label" }, h("label", { class: "utrecht-form-label", for: noteId, text: t("claim.note") })),
      h("div", { class: "utrecht-form-field__input" }, note),
    ),
    progress,
    h("div", { class: "app-actions" }, send),
  );
  return f;
}

// checkPhotos is the problem with the chosen files, or null: none or more than three, or one that is not an
// image the browser can open.
async function checkPhotos(files) {
  if (files.length === 0) return t("error.code.photo_required");
  if (files.length > maxPhotos) return t("error.code.too_many_photos");
  for (const f of files) {
    if (!/^image\/(jpeg|png|webp)$/.test(f.type)) return t("claim.not_a_photo", { name: f.name });
    try {
      const bitmap = await createImageBitmap(f);
      bitmap.close();
    } catch {
      return t("claim.not_a_photo", { name: f.name });
    }
  }
  return null;
}

// withdraw gives the place back after the resident confirmed it, in the page (no browser dialog).
function withdraw(c, status, rerender) {
  const area = h("div", { class: "app-actions app-withdraw" });
  const ask = button(t("claim.withdraw"), {
    kind: "secondary",
    onclick: () => {
      const yes = button(t("claim.withdraw_yes"), {
        onclick: async () => {
          status.replaceChildren();
          try {
            await busy(yes, () => call("POST", `/v1/claims/${encodeURIComponent(c.id)}/withdraw`));
            rerender();
          } catch (err) {
            if (!(err instanceof ApiError)) throw err;
            status.append(alert(err.message, "error"));
          }
        },
      });
      const no = button(t("claim.withdraw_no"), { kind: "secondary", onclick: () => area.replaceChildren(ask) });
      area.replaceChildren(h("p", { class: "utrecht-paragraph", role: "alert", text: t("claim.withdraw_confirm") }), yes, no);
      yes.focus();
    },
  });
  area.append(ask);
  return area;
}
