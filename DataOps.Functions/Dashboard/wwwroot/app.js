import { Unauthorized, forgetKey, getJson, storeKey, storedKey } from './api.js';

const $ = (selector) => document.querySelector(selector);

const panels = {
  key: $('#key-panel'),
  datasets: $('#datasets-panel'),
  detail: $('#detail-panel'),
};

let continuationToken = null;

// Builds an element with text content only: API values never reach innerHTML.
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

function showKeyForm(message) {
  for (const panel of [panels.datasets, panels.detail]) {
    panel.hidden = true;
  }
  $('#datasets tbody').replaceChildren();
  $('#checks tbody').replaceChildren();
  $('#detail-summary').replaceChildren();
  $('#detail-connector').replaceChildren();
  $('#sign-out').hidden = true;
  panels.key.hidden = false;
  const error = $('#key-error');
  error.textContent = message ?? '';
  error.hidden = !message;
  $('#key-input').value = '';
  $('#key-input').focus();
}

function showError(selector, error) {
  const node = $(selector);
  node.textContent = error.message;
  node.hidden = false;
}

// Every API failure goes through here: a refused key ends the session's view.
function failed(selector, error) {
  if (error instanceof Unauthorized) {
    showKeyForm('The key was refused. Enter a valid function key.');
    return;
  }
  showError(selector, error);
}

export function age(iso, now = Date.now()) {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h ${minutes % 60}m`;
  return `${Math.floor(hours / 24)}d`;
}

function score(value) {
  return value === null || value === undefined ? '—' : Number(value).toFixed(1);
}

function filters() {
  const form = new FormData($('#filters'));
  return Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v).trim()]));
}

function datasetRow(dataset) {
  const row = el('tr');
  row.dataset.datasetId = dataset.datasetId;
  const link = el('a', dataset.name || dataset.datasetId);
  link.href = `#dataset=${encodeURIComponent(dataset.datasetId)}`;
  const name = el('td');
  name.append(link);
  row.append(
    name,
    el('td', dataset.clientId),
    el('td', dataset.journeyId),
    el('td', dataset.stage),
    el('td', dataset.status, `status status-${dataset.status}`),
    el('td', score(dataset.qualityScore), 'number'),
    el('td', Number(dataset.recordCount ?? 0).toLocaleString('en'), 'number'),
    el('td', dataset.connectorName),
    el('td', age(dataset.createdAt)),
  );
  row.querySelector('.status').dataset.status = dataset.status;
  return row;
}

async function loadDatasets(append = false) {
  $('#datasets-error').hidden = true;
  const query = { ...filters(), pageSize: 50 };
  if (append && continuationToken) {
    query.continuationToken = continuationToken;
  }
  try {
    const page = await getJson('datasets', query);
    const body = $('#datasets tbody');
    const rows = page.items.map(datasetRow);
    if (append) {
      body.append(...rows);
    } else {
      body.replaceChildren(...rows);
    }
    continuationToken = page.continuationToken ?? null;
    $('#more').hidden = !continuationToken;
    $('#datasets-empty').hidden = body.children.length > 0;
    panels.key.hidden = true;
    panels.datasets.hidden = false;
    $('#sign-out').hidden = false;
  } catch (error) {
    failed('#datasets-error', error);
  }
}

function describe(list, entries) {
  list.replaceChildren();
  for (const [term, value] of entries) {
    list.append(el('dt', term), el('dd', value ?? '—'));
  }
}

async function loadDetail(datasetId) {
  try {
    const detail = await getJson(`datasets/${encodeURIComponent(datasetId)}`);
    const d = detail.dataset;
    $('#detail-title').textContent = `Dataset ${d.name || d.datasetId}`;
    describe($('#detail-summary'), [
      ['Id', d.datasetId],
      ['Type', d.datasetType],
      ['Client', d.clientId],
      ['Journey', d.journeyId],
      ['Stage', d.stage],
      ['Status', d.status],
      ['Score', score(d.qualityScore)],
      ['Records', d.recordCount],
      ['Created', d.createdAt],
      ['Ready', d.readyAt],
      ['Archived', d.archivedAt],
      ['Failure', d.failureReason],
      ['Teardown reason', d.teardownReason],
      ['Archive', d.archiveLocation],
    ]);
    const checks = detail.qualityChecks ?? [];
    $('#checks tbody').replaceChildren(...checks.map((c) => {
      const row = el('tr');
      row.dataset.check = c.checkType;
      row.append(
        el('td', c.checkType),
        el('td', score(c.score), 'number'),
        el('td', score(c.threshold), 'number'),
        el('td', c.passed ? 'passed' : 'failed', c.passed ? 'passed' : 'failed'),
        el('td', c.validatedAt),
        el('td', (c.errors ?? []).join('; ')),
      );
      return row;
    }));
    $('#checks-empty').hidden = checks.length > 0;
    const connector = detail.connector ?? {};
    describe($('#detail-connector'), [
      ['Name', connector.name],
      ['Glean datasource', connector.gleanDatasource],
      ['Status', connector.status],
      ['Last health check', connector.lastHealthCheck],
    ]);
    panels.detail.hidden = false;
  } catch (error) {
    panels.detail.hidden = true;
    failed('#datasets-error', error);
  }
}

function route() {
  const match = /^#dataset=(.+)$/.exec(location.hash);
  if (match && storedKey()) {
    loadDetail(decodeURIComponent(match[1]));
  } else {
    panels.detail.hidden = true;
  }
}

function start() {
  $('#key-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const key = $('#key-input').value.trim();
    if (!key) return;
    storeKey(key);
    $('#key-input').value = '';
    loadDatasets().then(route);
  });
  $('#filters').addEventListener('submit', (event) => {
    event.preventDefault();
    loadDatasets();
  });
  $('#more').addEventListener('click', () => loadDatasets(true));
  $('#sign-out').addEventListener('click', () => {
    forgetKey();
    showKeyForm();
  });
  window.addEventListener('hashchange', route);

  if (storedKey()) {
    loadDatasets().then(route);
  } else {
    showKeyForm();
  }
}

start();
