// The compliance reports and the targets-versus-actuals panels of the overview. Shown only to roles that see every
// client (the API refuses the others anyway); the "Produce now" buttons only to those who may produce a report.
import { getFile, getJson, postJson } from './api.js';

const $ = (selector) => document.querySelector(selector);

let hooks = { may: () => false, failed: () => {} };
let shownReport = null;

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  if (className) {
    node.className = className;
  }
  return node;
}

function button(text, className, data) {
  const node = el('button', text, className);
  node.type = 'button';
  Object.assign(node.dataset, data);
  return node;
}

function notice(text) {
  const node = $('#reports-message');
  node.textContent = text;
  node.hidden = !text;
}

// Targets and actuals

function figure(metric) {
  if (metric.value === null || metric.value === undefined) return '—';
  const value = Number(metric.value);
  switch (metric.unit) {
    case 'percent': return `${value.toFixed(1)} %`;
    case 'seconds': return `${value.toFixed(1)} s`;
    default: return String(value);
  }
}

function target(metric) {
  if (metric.target === null || metric.target === undefined) return 'no target';
  const unit = metric.unit === 'percent' ? ' %' : metric.unit === 'seconds' ? ' s' : '';
  return `${metric.comparison} ${metric.target}${unit}`;
}

function metricRow(metric) {
  const row = el('tr');
  row.dataset.metric = metric.name;
  const name = el('td', metric.title);
  name.title = metric.basis;
  const met = metric.met === true ? 'met' : metric.met === false ? 'missed' : metric.target === null ? '—' : 'no data';
  const result = el('td', met, `met met-${metric.met === true ? 'yes' : metric.met === false ? 'no' : 'none'}`);
  result.dataset.met = metric.met === null || metric.met === undefined ? 'none' : String(metric.met);
  const counts = Object.entries(metric.counts ?? {}).map(([k, v]) => `${k.replaceAll('_', ' ')} ${v}`).join(', ');
  row.append(name, el('td', figure(metric), 'number actual'), el('td', target(metric), 'target'), result, el('td', counts, 'counts muted'));
  return row;
}

function renderMetrics(body) {
  const from = String(body.from ?? '').slice(0, 10);
  const to = String(body.to ?? '').slice(0, 10);
  $('#metrics-period').textContent = `From ${from} to ${to} (UTC); active orphans counted now.`;
  $('#metrics tbody').replaceChildren(...(body.metrics ?? []).map(metricRow));
}

async function loadMetrics() {
  const form = new FormData($('#metrics-window'));
  const query = { from: form.get('from'), to: form.get('to') };
  try {
    renderMetrics(await getJson('operations/metrics', query));
    $('#metrics-error').hidden = true;
  } catch (error) {
    hooks.failed('#metrics-error', error);
  }
}

// Reports

function reportRow(report) {
  const row = el('tr');
  row.dataset.report = report.name;
  const name = el('td', report.name, 'report-name');
  name.title = report.title;
  const dates = report.dates ?? [];
  const dateCell = el('td');
  if (dates.length === 0) {
    dateCell.append(el('span', 'not produced yet', 'muted'));
  } else {
    const select = el('select', null, 'report-date');
    select.setAttribute('aria-label', `${report.name}: day`);
    select.append(...dates.map((date) => el('option', date)));
    dateCell.append(select);
  }
  const actions = el('td', null, 'report-actions');
  if (dates.length > 0) {
    actions.append(
      button('Open', 'open-report', { report: report.name }),
      button('JSON', 'download-report', { report: report.name, format: 'json' }),
      button('CSV', 'download-report', { report: report.name, format: 'csv' }),
    );
  }
  if (hooks.may('produceReports')) {
    actions.append(button('Produce now', 'produce-report', { report: report.name }));
  }
  row.append(name, el('td', `${report.cadence} (${report.schedule ?? 'no schedule'})`), dateCell, actions);
  return row;
}

function renderReports(list) {
  $('#reports tbody').replaceChildren(...(list.reports ?? []).map(reportRow));
}

async function loadReports() {
  try {
    renderReports(await getJson('reports'));
    $('#reports-error').hidden = true;
  } catch (error) {
    hooks.failed('#reports-error', error);
  }
}

function selectedDate(name) {
  return $(`#reports tr[data-report="${name}"] .report-date`)?.value;
}

function renderReport(document) {
  shownReport = document.report;
  $('#report-view-title').textContent = `${document.report} — ${document.date}`;
  const summary = $('#report-summary');
  summary.replaceChildren();
  for (const [key, value] of Object.entries(document.summary ?? {})) {
    summary.append(el('dt', key.replaceAll('_', ' ')), el('dd', value === null ? '—' : String(value)));
  }
  const columns = document.columns ?? [];
  const head = el('tr');
  head.append(...columns.map((c) => el('th', c)));
  $('#report-rows thead').replaceChildren(head);
  $('#report-rows tbody').replaceChildren(...(document.rows ?? []).map((r) => {
    const row = el('tr');
    row.append(...columns.map((c) => el('td', r[c] === null || r[c] === undefined ? '' : String(r[c]))));
    return row;
  }));
  $('#report-rows-empty').hidden = (document.rows ?? []).length > 0;
  $('#report-view').hidden = false;
  $('#report-view').dataset.report = document.report;
}

async function openReport(name) {
  const date = selectedDate(name);
  if (!date) return;
  try {
    renderReport(await getJson(`reports/${encodeURIComponent(name)}/${encodeURIComponent(date)}`));
    $('#reports-error').hidden = true;
  } catch (error) {
    hooks.failed('#reports-error', error);
  }
}

async function downloadReport(name, format) {
  const date = selectedDate(name);
  if (!date) return;
  try {
    const file = await getFile(`reports/${encodeURIComponent(name)}/${encodeURIComponent(date)}`, { format });
    const url = URL.createObjectURL(file.blob);
    const link = el('a');
    link.href = url;
    link.download = file.name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } catch (error) {
    hooks.failed('#reports-error', error);
  }
}

async function produceReport(name, control) {
  control.disabled = true;
  try {
    const stored = await postJson('reports/produce', { report: name });
    notice(`Produced ${stored.report} for ${stored.date}: ${stored.rows} rows, in ${stored.container}/${stored.jsonBlob} and .csv.`);
    await loadReports();
    if (shownReport === name) {
      await openReport(name);
    }
  } catch (error) {
    hooks.failed('#reports-error', error);
  } finally {
    control.disabled = false;
  }
}

export function clearInsight() {
  shownReport = null;
  for (const selector of ['#metrics tbody', '#reports tbody', '#report-summary', '#report-rows thead', '#report-rows tbody']) {
    $(selector).replaceChildren();
  }
  for (const selector of ['#metrics-period', '#report-view-title', '#reports-message']) {
    $(selector).textContent = '';
  }
  for (const selector of ['#metrics-panel', '#reports-panel', '#report-view', '#metrics-error', '#reports-error', '#reports-message']) {
    $(selector).hidden = true;
  }
}

// Both panels, for a role that reads the estate; hidden (and not asked for) otherwise.
export function loadInsight(estate) {
  $('#metrics-panel').hidden = !estate;
  $('#reports-panel').hidden = !estate;
  if (!estate) return null;
  return Promise.all([loadMetrics(), loadReports()]);
}

export function initInsight(options) {
  hooks = options;
  $('#metrics-window').addEventListener('submit', (event) => {
    event.preventDefault();
    loadMetrics();
  });
  $('#reports tbody').addEventListener('click', (event) => {
    const control = event.target.closest('button');
    if (!control || control.disabled) return;
    const name = control.dataset.report;
    if (control.classList.contains('open-report')) {
      openReport(name);
    } else if (control.classList.contains('download-report')) {
      downloadReport(name, control.dataset.format);
    } else if (control.classList.contains('produce-report')) {
      produceReport(name, control);
    }
  });
}
