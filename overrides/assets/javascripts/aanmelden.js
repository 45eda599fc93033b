/* The form on bijdragen/aanmelden/: a programme or practice without a GitHub account.
 *
 * Checks the answers with the rules of `kennisbank from-issue` and `kennisbank check` (aanmelden/controle.js)
 * and offers three ways out (aanmelden/uitvoer.js). Nothing leaves the browser until the person picks one.
 * The questions, rules and messages come from formulier.json (scripts/kennisbank/contribute/webform.py).
 */

import { makeContext, today } from "./aanmelden/context.js";
import { checkAnswers } from "./aanmelden/controle.js";
import { fillAnswers, readAnswers, showProblems, updateNames } from "./aanmelden/formulier.js";
import { cleanAnswer } from "./aanmelden/lezen.js";
import * as opslag from "./aanmelden/opslag.js";
import { MAX_URL, fileName, issueUrl, mailUrl, sourceFile } from "./aanmelden/uitvoer.js";

const root = document.getElementById("kb-aanmelden");
const settings = JSON.parse(document.getElementById("kb-aanmelden-instellingen").textContent);
const formElement = document.getElementById("kb-aanmelden-formulier");
const routes = document.getElementById("kb-aanmelden-versturen");
const status = document.getElementById("kb-aanmelden-status");
let context = null;
let checkedOnce = false;
let fileUrl = null;

const chooser = document.getElementById("kb-aanmelden-soort");
const kind = () => chooser.value;

function showKind() {
  for (const part of root.querySelectorAll("[data-soort]")) part.hidden = part.dataset.soort !== kind();
}

function remember() {
  const state = opslag.load() || { answers: {} };
  state.kind = kind();
  state.answers[kind()] = readAnswers(root, context.forms[kind()]);
  opslag.save(state);
}

async function loadSchemas() {
  if (context.schemas) return;
  const kinds = Object.keys(context.forms);
  const files = await Promise.all(kinds.map((k) => fetch(`${settings.schemas}${k}.schema.json`).then((r) => r.json())));
  context.schemas = Object.fromEntries(kinds.map((k, n) => [k, files[n]]));
}

function cleaned(answers) {
  return Object.fromEntries(Object.entries(answers).map(([id, a]) => [id, Array.isArray(a) ? a : cleanAnswer(a)]));
}

async function check({ focus }) {
  const form = context.forms[kind()];
  const answers = cleaned(readAnswers(root, form));
  context.today = today();
  await loadSchemas();
  const { problems, reading } = await checkAnswers(kind(), answers, context);
  const summary = showProblems(root, form, problems);
  routes.hidden = Boolean(summary);
  status.textContent = problems.length ? `Er ${problems.length === 1 ? "is 1 punt" : `zijn ${problems.length} punten`} om aan te passen.` : "";
  if (summary) {
    if (focus) summary.focus();
    return;
  }
  offer(form, answers, reading);
  if (focus) routes.querySelector("h2").focus();
}

function offer(form, answers, reading) {
  const github = document.getElementById("kb-route-github");
  if (github) {
    const url = issueUrl(settings.repo, form, answers);
    const fits = url.length <= MAX_URL;
    github.href = fits ? url : settings.repo;
    document.getElementById("kb-route-github-item").hidden = !fits;
    document.getElementById("kb-route-github-te-lang").hidden = fits;
  }
  const email = document.getElementById("kb-route-email");
  if (email) email.href = mailUrl(settings.email, form, answers, context.no_response);
  const download = document.getElementById("kb-route-bestand");
  if (fileUrl) URL.revokeObjectURL(fileUrl);
  fileUrl = URL.createObjectURL(new Blob([sourceFile(form, reading, context)], { type: "text/plain;charset=utf-8" }));
  download.href = fileUrl;
  download.download = fileName(form, reading);
}

function wipe() {
  opslag.clear();
  formElement.reset();
  checkedOnce = false;
  showProblems(root, context.forms[kind()], []);
  routes.hidden = true;
  showKind();
  status.textContent = "Het formulier is gewist.";
}

async function start() {
  const data = await (await fetch(settings.data)).json();
  context = makeContext(data, today(), null);
  const saved = opslag.load();
  if (saved) {
    if (saved.kind in context.forms) chooser.value = saved.kind;
    for (const [k, answers] of Object.entries(saved.answers || {})) if (context.forms[k]) fillAnswers(root, context.forms[k], answers);
  }
  showKind();
  root.hidden = false;
  formElement.addEventListener("change", (event) => {
    if (event.target.name === "soort") {
      showKind();
      routes.hidden = true;
    }
    remember();
    if (checkedOnce) check({ focus: false });
  });
  formElement.addEventListener("input", (event) => {
    if (event.target.list) {
      const area = context.model[kind()].find((f) => f.type === "AreaField");
      updateNames(event.target, context.gazetteer, area ? area.special : []);
    }
    remember();
    routes.hidden = true;
  });
  formElement.addEventListener("submit", (event) => {
    event.preventDefault();
    checkedOnce = true;
    check({ focus: true });
  });
  document.getElementById("kb-aanmelden-wissen").addEventListener("click", wipe);
  // Sent: what was typed is no longer kept (the privacy statement says so).
  routes.addEventListener("click", (event) => {
    if (event.target.closest("a")) opslag.clear();
  });
}

start();
