// The verifier page: no framework, no build step. Every verdict comes from the node's
// POST /credentials/verify; this script only shows it.
"use strict";
const $ = (id) => document.getElementById(id);

function selectTab(tab) {
  for (const button of document.querySelectorAll("nav button")) {
    const on = button === tab;
    button.setAttribute("aria-selected", String(on));
    $(button.dataset.panel).hidden = !on;
  }
}
for (const button of document.querySelectorAll("nav button")) button.addEventListener("click", () => selectTab(button));

// A pasted credential is JSON (an object with a proof) or compact text (JWT, SD-JWT).
function credentialInput(text) {
  const trimmed = text.trim();
  if (trimmed.startsWith("{")) {
    try { return JSON.parse(trimmed); } catch (e) { throw new Error("The JSON does not parse: " + e.message); }
  }
  return trimmed;
}

function showResult(body) {
  $("verify-error").hidden = true;
  $("result").hidden = false;
  const verdict = $("verdict");
  verdict.textContent = body.verified ? "Verified" : "Not verified";
  verdict.className = "verdict " + (body.verified ? "ok" : "bad");
  verdict.dataset.verified = String(!!body.verified);
  $("issuer").textContent = body.issuer || "–";
  $("format").textContent = body.format || "–";
  const checks = body.checks || [];
  const accreditation = checks.find((c) => c.check === "accreditation");
  $("accreditation").textContent = accreditation ? accreditation.reason : "–";
  const rows = $("checks").querySelector("tbody");
  rows.replaceChildren();
  for (const check of checks) {
    const row = document.createElement("tr");
    row.dataset.check = check.check;
    row.dataset.outcome = check.outcome;
    for (const [text, cls] of [[check.check, ""], [check.outcome, check.outcome], [check.reason, ""]]) {
      const cell = document.createElement("td");
      cell.textContent = text;
      if (cls) cell.className = cls;
      row.append(cell);
    }
    rows.append(row);
  }
  $("claims").textContent = JSON.stringify(body.claims || [], null, 2);
}

function showError(message) {
  $("result").hidden = true;
  const error = $("verify-error");
  error.hidden = false;
  error.textContent = message;
}

async function verify() {
  let credential;
  try { credential = credentialInput($("credential").value); } catch (e) { return showError(e.message); }
  if (!credential) return showError("Paste a credential first.");
  try {
    const response = await fetch("/credentials/verify", {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ verifiableCredential: credential, options: {} }),
    });
    const body = await response.json();
    if (response.status === 200 || response.status === 422 || (response.status === 400 && body.checks)) return showResult(body);
    showError(body.detail || body.title || ("The node answered " + response.status));
  } catch (e) {
    showError("The node could not be reached: " + e.message);
  }
}
$("verify").addEventListener("click", verify);

async function loadFile(file) {
  $("credential").value = await file.text();
}
$("file").addEventListener("change", (e) => e.target.files[0] && loadFile(e.target.files[0]));
const drop = $("drop");
drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", (e) => {
  e.preventDefault();
  drop.classList.remove("over");
  if (e.dataTransfer.files[0]) loadFile(e.dataTransfer.files[0]);
});

// DID Resolution errors are objects (type URL, title, detail); older nodes sent a bare name.
function resolutionError(error) {
  if (!error) return "";
  if (typeof error === "string") return error;
  return (error.title || error.type || "") + (error.detail ? ": " + error.detail : "");
}

async function resolve() {
  const did = $("did").value.trim();
  if (!did) return;
  const status = $("resolve-status");
  status.hidden = false;
  try {
    const response = await fetch("/1.0/identifiers/" + encodeURIComponent(did), { headers: { Accept: "application/did-resolution" } });
    const body = await response.json();
    status.textContent = response.ok ? "Resolved" : ("Not resolved (" + response.status + "): " + (resolutionError((body.didResolutionMetadata || {}).error) || body.title || ""));
    status.className = "verdict " + (response.ok ? "ok" : "bad");
    $("document").textContent = JSON.stringify(body, null, 2);
  } catch (e) {
    status.textContent = "The node could not be reached: " + e.message;
    status.className = "verdict bad";
  }
}
$("resolve").addEventListener("click", resolve);

// `#verify=<base64url>` or `#resolve=<did>` pre-fills a tab and presses its button, so a
// link (or a headless browser test) exercises exactly what a person's click does.
(function fromFragment() {
  const params = new URLSearchParams(location.hash.slice(1));
  if (params.has("verify")) {
    const text = atob(params.get("verify").replace(/-/g, "+").replace(/_/g, "/"));
    $("credential").value = new TextDecoder().decode(Uint8Array.from(text, (c) => c.charCodeAt(0)));
    $("verify").click();
  } else if (params.has("resolve")) {
    selectTab($("tab-resolve"));
    $("did").value = params.get("resolve");
    $("resolve").click();
  }
})();
