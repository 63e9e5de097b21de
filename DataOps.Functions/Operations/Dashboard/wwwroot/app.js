import { ApiError, Unauthorized, forgetKey, getJson, platformSession, postJson, storeKey, storedKey } from './api.js';
import { clearInsight, initInsight, loadInsight } from './reports.js';
import { $, el } from './dom.js';

const panels = {
  key: $('#key-panel'),
  overview: $('#overview'),
  charts: $('#charts-panel'),
  scans: $('#scans-panel'),
  teardowns: $('#teardowns-panel'),
  quality: $('#quality-panel'),
  datasets: $('#datasets-panel'),
  detail: $('#detail-panel'),
};

const statuses = ['provisioning', 'validating', 'ready', 'failed', 'teardown', 'archived'];

let continuationToken = null;
// Bumped whenever the key form comes back: answers to requests sent before then are dropped, not shown.
let session = 0;
// Bumped for every dataset opened: a slower answer for the previous one does not overwrite the current one.
let detailRequest = 0;
let charts = [];
// The dataset page's and the quality panel's charts, each redrawn on its own.
let qualityRunsChart = null;
let qualityTrendChart = null;
let terminating = null;
let teardownPoll = null;
// Who the API takes the session for (GET /api/me): what it may do decides which panels and buttons are shown.
let caller = null;

function may(action) {
  return caller?.may?.[action] === true;
}

function destroyCharts() {
  for (const chart of charts) {
    chart.destroy();
  }
  charts = [];
}

function showKeyForm(message) {
  session += 1;
  detailRequest += 1;
  clearTimeout(teardownPoll);
  teardownPoll = null;
  const dialog = $('#terminate-dialog');
  if (dialog.open) {
    dialog.close();
  }
  terminating = null;
  for (const panel of [panels.overview, panels.charts, panels.scans, panels.teardowns, panels.datasets, panels.detail]) {
    panel.hidden = true;
  }
  destroyCharts();
  for (const selector of [
    '#datasets tbody', '#checks tbody', '#detail-summary', '#detail-connector', '#detail-connector-metrics', '#timeline', '#archive tbody',
    '#orchestrations', '#teardowns tbody', '#scan-orphan', '#scan-health', '#scan-sync', '#status-counts tbody',
    '#provisioning-times tbody',
  ]) {
    $(selector).replaceChildren();
  }
  for (const selector of [
    '#summary-total', '#provisioning-stats', '#archive-location', '#teardowns-message', '#terminate-dataset',
    '#detail-title', '#datasets-message', '#detail-message',
  ]) {
    $(selector).textContent = '';
  }
  for (const selector of [
    '#datasets-error', '#summary-error', '#scans-error', '#teardowns-error', '#teardowns-message', '#timeline-error',
    '#archive-error', '#orchestrations-error', '#terminate-error', '#checks-empty', '#timeline-empty', '#archive-empty',
    '#orchestrations-empty', '#orchestrations-unreadable', '#teardowns-empty', '#datasets-empty', '#archive-location', '#charts-fallback', '#more',
    '#datasets-message', '#detail-message', '#command-error', '#retry-dataset',
  ]) {
    $(selector).hidden = true;
  }
  clearInsight();
  $('#terminate-form').reset();
  $('#command-form').reset();
  $('#sign-out').hidden = true;
  $('#refresh').hidden = true;
  $('#signed-in').hidden = true;
  caller = null;
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
    showKeyForm('The credential was refused. Enter a valid function key or token.');
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

// What is left of a grace period: "23h 59m", "2d 4h", "due" once the time has come.
export function timeLeft(iso, now = Date.now()) {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '—';
  const seconds = Math.floor((at - now) / 1000);
  if (seconds <= 0) return 'due';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 1) return `${seconds}s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 1) return `${minutes}m`;
  if (hours < 48) return `${hours}h ${minutes % 60}m`;
  return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}

// Times in UTC, to the second; the exact value stays in the element's datetime attribute.
export function formatTime(iso) {
  if (iso === null || iso === undefined || iso === '') return '—';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return String(iso);
  return `${at.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

function cell(child) {
  const node = el('td');
  node.append(child);
  return node;
}

function timeCell(tag, iso) {
  const node = el(tag);
  const time = el('time', formatTime(iso));
  if (iso) {
    time.dateTime = iso;
    time.title = iso;
  }
  node.append(time);
  return node;
}

export function bytes(value) {
  const size = Number(value ?? 0);
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let amount = size;
  let unit = 0;
  while (amount >= 1024 && unit < units.length - 1) {
    amount /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${size} B` : `${amount.toFixed(1)} ${units[unit]}`;
}

function score(value) {
  return value === null || value === undefined ? '—' : Number(value).toFixed(1);
}

function seconds(value) {
  return value === null || value === undefined ? '—' : `${Number(value).toFixed(1)} s`;
}

function isScalar(value) {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function shorten(text, length = 80) {
  const value = String(text);
  return value.length > length ? `${value.slice(0, length - 1)}…` : value;
}

// A JSON object in a line: its scalar fields as key=value, its arrays as key=[count]; nested objects are left out.
export function summarize(data) {
  if (data === null || data === undefined) return '';
  if (isScalar(data)) return shorten(data);
  if (Array.isArray(data)) return `[${data.length}]`;
  return Object.entries(data)
    .filter(([, value]) => isScalar(value) || Array.isArray(value))
    .map(([key, value]) => (Array.isArray(value) ? `${key}=[${value.length}]` : `${key}=${shorten(value)}`))
    .join(', ');
}

function describe(list, entries) {
  list.replaceChildren();
  for (const [term, value] of entries) {
    list.append(el('dt', term), el('dd', value ?? '—'));
  }
}

function datasetLink(datasetId, text) {
  const link = el('a', text || datasetId);
  link.href = `#dataset=${encodeURIComponent(datasetId)}`;
  return link;
}

function filters() {
  const form = new FormData($('#filters'));
  return Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v).trim()]));
}

function datasetRow(dataset) {
  const row = el('tr');
  row.dataset.datasetId = dataset.datasetId;
  const name = el('td');
  name.append(datasetLink(dataset.datasetId, dataset.name));
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

// Loads the dataset list; answers whether the key was accepted (anything but a 401).
async function loadDatasets(append = false) {
  const current = session;
  $('#datasets-error').hidden = true;
  const query = { ...filters(), pageSize: 50 };
  if (append && continuationToken) {
    query.continuationToken = continuationToken;
  }
  try {
    const page = await getJson('datasets', query);
    if (current !== session) return false;
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
    $('#refresh').hidden = false;
    return true;
  } catch (error) {
    if (current !== session) return false;
    failed('#datasets-error', error);
    if (error instanceof Unauthorized) return false;
    panels.key.hidden = true;
    panels.datasets.hidden = false;
    $('#sign-out').hidden = false;
    $('#refresh').hidden = false;
    return true;
  }
}

// Runs one panel's or section's request: a 401 brings back the key form, any other failure is shown in that place only.
async function section(request, render, errorSelector, isCurrent = () => true) {
  const current = session;
  const error = $(errorSelector);
  try {
    const body = await request();
    if (current !== session || !isCurrent()) return;
    error.hidden = true;
    render(body);
  } catch (failure) {
    if (current !== session || !isCurrent()) return;
    failed(errorSelector, failure);
  }
}

// The dataset page

function renderTimeline(timeline) {
  const events = timeline?.events ?? [];
  $('#timeline').replaceChildren(...events.map((event) => {
    const item = el('li');
    item.dataset.eventType = event.eventType;
    if (event.eventId) {
      item.dataset.eventId = event.eventId;
    }
    const time = el('time', formatTime(event.occurredAt), 'event-time');
    if (event.occurredAt) {
      time.dateTime = event.occurredAt;
    }
    item.append(time, el('span', event.eventType, 'event-type'), el('span', summarize(event.data), 'event-data'));
    return item;
  }));
  $('#timeline-empty').hidden = events.length > 0;
}

function renderArchive(archive) {
  const blobs = archive?.blobs ?? [];
  const location = $('#archive-location');
  location.textContent = archive?.location ? `Location: ${archive.location}` : '';
  location.hidden = !archive?.location;
  $('#archive tbody').replaceChildren(...blobs.map((blob) => {
    const row = el('tr');
    row.dataset.blob = blob.name;
    const size = el('td', bytes(blob.sizeBytes), 'number');
    size.title = `${blob.sizeBytes} bytes`;
    row.append(el('td', blob.name), size, timeCell('td', blob.lastModified));
    return row;
  }));
  const empty = $('#archive-empty');
  empty.textContent = archive?.location ? 'No archive blobs found at this location.' : 'Not archived';
  empty.hidden = blobs.length > 0;
  $('#archive').hidden = blobs.length === 0;
}

function runtimeStatus(value) {
  const node = el('span', value ?? 'Unknown', `runtime-status runtime-${String(value ?? 'unknown').toLowerCase()}`);
  node.dataset.runtimeStatus = value ?? '';
  return node;
}

function instanceDetails(instance) {
  const details = el('details', null, 'instance');
  details.dataset.instanceId = instance.instanceId;
  const summary = el('summary');
  const created = el('span', `created ${formatTime(instance.createdAt)}`, 'muted');
  const updated = el('span', `updated ${formatTime(instance.lastUpdatedAt)}`, 'muted');
  summary.append(el('span', instance.name, 'instance-name'), runtimeStatus(instance.runtimeStatus), created, updated);
  details.append(summary);

  const facts = el('dl');
  describe(facts, [['Instance', instance.instanceId]]);
  if (instance.customStatus !== null && instance.customStatus !== undefined) {
    facts.append(el('dt', 'Custom status'), el('dd', shorten(JSON.stringify(instance.customStatus), 300)));
  }
  if (instance.failure) {
    facts.append(el('dt', 'Failure'), el('dd', instance.failure, 'error'));
  }
  details.append(facts);

  const history = instance.history ?? [];
  if (history.length === 0) {
    details.append(el('p', 'No history recorded.', 'history-empty muted'));
    return details;
  }
  const table = el('table', null, 'history');
  const head = el('thead');
  const headRow = el('tr');
  headRow.append(el('th', 'Event'), el('th', 'Time'), el('th', 'Name'), el('th', 'Detail'));
  head.append(headRow);
  const body = el('tbody');
  body.append(...history.map((entry) => {
    const row = el('tr');
    row.dataset.eventType = entry.eventType;
    row.append(el('td', entry.eventType), timeCell('td', entry.timestamp), el('td', entry.name ?? ''),
      el('td', entry.detail ?? '', 'history-detail'));
    return row;
  }));
  table.append(head, body);
  details.append(table);
  return details;
}

function renderOrchestrations(orchestrations) {
  const instances = orchestrations?.instances ?? [];
  $('#orchestrations').replaceChildren(...instances.map(instanceDetails));
  $('#orchestrations-empty').hidden = instances.length > 0;
  const unreadable = orchestrations?.unreadable ?? [];
  $('#orchestrations-unreadable').textContent = unreadable.length === 0 ? ''
    : `Not shown: the Durable Functions API could not read ${unreadable.join(', ')} (an instance row left without a name by a host that stopped mid-checkpoint).`;
  $('#orchestrations-unreadable').hidden = unreadable.length === 0;
}

function renderDetail(detail) {
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
    ['Attempt', d.attempt],
    ['Failed', d.failedAt],
    ['Failure', d.failureReason],
    ['Revalidation', d.revalidationReason],
    ['Teardown reason', d.teardownReason],
    ['Delete after', d.deleteAfter],
    ['Archive', d.archiveLocation],
  ]);
  const checks = detail.qualityChecks ?? [];
  $('#checks tbody').replaceChildren(...checks.map((c) => {
    const row = el('tr');
    row.dataset.check = c.checkType;
    // A check that did not apply (production: schema and completeness) has no score and neither passed nor failed.
    const verdict = c.notApplicable ? 'n/a' : c.passed ? 'passed' : 'failed';
    row.append(
      el('td', c.checkType),
      el('td', c.notApplicable ? 'n/a' : score(c.score), 'number'),
      el('td', score(c.threshold), 'number'),
      el('td', verdict, c.notApplicable ? 'not-applicable' : verdict),
      el('td', c.validatedAt),
      el('td', c.notApplicable ? `not applicable: ${c.notApplicableReason ?? ''}` : (c.errors ?? []).join('; ')),
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
    ['Who can see it', whoCanSee(connector)],
    ['Sync', syncLine(connector.sync)],
  ]);
  describe($('#detail-connector-metrics'), connectorMetrics(connector.metrics));
  const retry = $('#retry-dataset');
  retry.hidden = d.status !== 'failed' || !may('retry');
  retry.dataset.datasetId = d.datasetId;
  panels.detail.hidden = false;
}

// What the product measured of the connector (ARCH-004's monitoring metrics), with the window each figure covers.
function connectorMetrics(m) {
  if (!m) {
    return [['Measured', 'nothing yet: the connector is not created']];
  }
  const share = (value) => (value === null || value === undefined ? null : `${(value * 100).toFixed(value === 1 ? 0 : 2)} %`);
  const ms = (value) => (value === null || value === undefined ? null : `≤ ${value} ms`);
  return [
    [`Sync success (${m.windowDays} d)`, m.syncs ? `${share(m.syncSuccessRate)} of ${m.syncs}` : 'no sync'],
    [`Query time p50 / p95 (${m.windowDays} d)`, m.queries ? `${ms(m.queryResponseP50Ms) ?? '—'} / ${ms(m.queryResponseP95Ms) ?? 'over 30 s'} (${m.queries} queries)` : 'no query'],
    ['Errors (24 h)', `${m.errorsLast24Hours}`],
    ['Error rate (24 h)', share(m.errorRateLast24Hours) ?? 'no answered call'],
    ['Freshness', m.lastSuccessfulSyncAt ? `${m.freshnessMinutes} min (last sync ${m.lastSuccessfulSyncAt})` : 'never synced'],
    [`Uptime (${m.windowDays} d)`, m.probes ? `${share(m.uptime)} of ${m.probes} probes` : 'no probe'],
  ];
}

// The connector's scheduled sync in one line: what syncs it and how often, the last sync and when the next is due.
function syncLine(sync) {
  if (!sync) {
    return null;
  }
  const every = { PT1H: 'every hour', PT15M: 'every 15 minutes' }[sync.interval] ?? `every ${sync.interval}`;
  const what = {
    manual: 'manual: nothing syncs it automatically',
    resync: `${every} from the client's export, pushed again when it changed`,
    probe: `probed ${every}`,
  }[sync.mode] ?? sync.mode;
  const last = sync.lastSyncedAt ? `; last ${sync.lastSyncedAt} (${sync.lastOutcome})` : sync.mode === 'manual' ? '' : '; not synced yet';
  const next = sync.nextDueAt ? `; next due ${sync.nextDueAt}` : '';
  return `${what}${last}${next}`;
}

// Glean's datasource visibility in words, with the beta users of a test datasource.
function whoCanSee(connector) {
  switch (connector.visibility) {
    case 'ENABLED_FOR_TEST_GROUP':
      return `its beta users only: ${(connector.visibleTo ?? []).join(', ')}`;
    case 'ENABLED_FOR_ALL':
      return 'every user of the client\'s Glean the documents\' permissions admit';
    case 'NOT_ENABLED':
      return 'nobody (no beta users)';
    default:
      return null;
  }
}

// Quality over time: each validation run's score against the READY score, and the runs as a table.
function renderQualityRuns(quality) {
  const runs = quality?.runs ?? [];
  $('#quality-runs tbody').replaceChildren(...[...runs].reverse().map((run) => {
    const row = el('tr');
    row.dataset.outcome = run.outcome;
    const failedChecks = (run.checks ?? []).filter((c) => !c.passed).map((c) => c.checkType).join(', ');
    row.append(
      timeCell('td', run.validatedAt),
      el('td', run.trigger ?? '—'),
      el('td', score(run.score), 'number'),
      el('td', run.outcome, run.outcome === 'ready' ? 'passed' : run.outcome === 'failed' ? 'failed' : 'not-applicable'),
      el('td', run.templateVersion ?? '—'),
      el('td', failedChecks || '—'),
    );
    return row;
  }));
  $('#quality-runs-empty').hidden = runs.length > 0;
  qualityRunsChart?.destroy();
  qualityRunsChart = null;
  const box = $('#quality-runs-box');
  box.hidden = true;
  if (typeof window.Chart !== 'function' || runs.length === 0) return;
  try {
    const ink = cssColor('--fg', '#1d232b');
    const grid = cssColor('--line', '#d8dde3');
    box.hidden = false;
    qualityRunsChart = new window.Chart($('#chart-quality-runs'), {
      type: 'line',
      data: {
        labels: runs.map((r) => formatTime(r.validatedAt).slice(5, 16)),
        datasets: [
          {
            label: 'Score',
            data: runs.map((r) => r.score),
            borderColor: cssColor('--accent', '#2456a6'),
            pointBackgroundColor: runs.map((r) => statusColor(r.outcome === 'ready' ? 'ready' : r.outcome === 'failed' ? 'failed' : 'validating')),
            spanGaps: true,
          },
          {
            label: `READY at ${quality.readyThreshold}`,
            data: runs.map(() => quality.readyThreshold),
            borderColor: cssColor('--warn', '#9a6700'),
            borderDash: [6, 4],
            pointRadius: 0,
          },
        ],
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: {
          x: { ticks: { color: ink }, grid: { color: grid } },
          y: { suggestedMin: 0, max: 100, ticks: { color: ink }, grid: { color: grid } },
        },
        plugins: {
          legend: { labels: { color: ink } },
          tooltip: { callbacks: { afterTitle: (items) => (items.length ? `${runs[items[0].dataIndex].trigger ?? ''} · ${runs[items[0].dataIndex].outcome}` : '') } },
        },
      },
    });
  } catch (error) {
    box.hidden = true;
    console.error('The quality chart could not be drawn; the table shows the runs.', error);
  }
}

function clearDetailSections() {
  qualityRunsChart?.destroy();
  qualityRunsChart = null;
  $('#quality-runs tbody').replaceChildren();
  for (const selector of ['#quality-runs-error', '#quality-runs-empty', '#quality-runs-box']) {
    $(selector).hidden = true;
  }
  for (const selector of ['#timeline', '#archive tbody', '#orchestrations']) {
    $(selector).replaceChildren();
  }
  for (const selector of [
    '#timeline-error', '#archive-error', '#orchestrations-error', '#timeline-empty', '#archive-empty',
    '#orchestrations-empty', '#orchestrations-unreadable', '#archive-location', '#archive',
  ]) {
    $(selector).hidden = true;
  }
}

async function loadDetail(datasetId) {
  detailRequest += 1;
  const request = detailRequest;
  const isCurrent = () => request === detailRequest;
  const current = session;
  const path = `datasets/${encodeURIComponent(datasetId)}`;
  clearDetailSections();

  const main = (async () => {
    try {
      const detail = await getJson(path);
      if (current !== session || !isCurrent()) return;
      renderDetail(detail);
    } catch (error) {
      if (current !== session || !isCurrent()) return;
      panels.detail.hidden = true;
      failed('#datasets-error', error);
    }
  })();
  await Promise.all([
    main,
    section(() => getJson(`${path}/timeline`), renderTimeline, '#timeline-error', isCurrent),
    section(() => getJson(`${path}/archive`), renderArchive, '#archive-error', isCurrent),
    section(() => getJson(`${path}/orchestrations`), renderOrchestrations, '#orchestrations-error', isCurrent),
    section(() => getJson(`${path}/quality`), renderQualityRuns, '#quality-runs-error', isCurrent),
  ]);
}

// Teardowns in their grace period

function updateTimesLeft() {
  const now = Date.now();
  for (const cell of document.querySelectorAll('#teardowns td.time-left[data-delete-at]')) {
    const left = timeLeft(cell.dataset.deleteAt, now);
    cell.textContent = left;
    cell.classList.toggle('due', left === 'due');
  }
}

function teardownRow(item) {
  const row = el('tr');
  row.dataset.datasetId = item.datasetId;
  const dataset = item.dataset ?? {};
  const link = cell(datasetLink(item.datasetId));
  const left = el('td', '—', 'time-left number');
  if (item.deleteAt) {
    left.dataset.deleteAt = item.deleteAt;
  }
  const action = el('td', undefined, 'actions');
  for (const [text, className, allowed] of [
    ['Cancel', 'cancel-teardown', item.canCancel === true, 'cancelTeardown'],
    ['Extend', 'extend-teardown', item.canCancel === true, 'extendTeardown'],
    ['Terminate', 'terminate', item.canTerminate !== false, 'terminateTeardown'],
  ].filter((button) => may(button[3]))) {
    const button = el('button', text, className);
    button.type = 'button';
    button.dataset.datasetId = item.datasetId;
    if (!allowed) {
      button.disabled = true;
      button.title = 'Past the grace period: the connector is being deleted.';
    }
    action.append(button);
  }
  const phase = el('td', item.phase ? item.phase.replaceAll('_', ' ') : '—', 'phase');
  phase.dataset.phase = item.phase ?? '';
  row.append(
    link,
    el('td', dataset.clientId ?? '—'),
    el('td', dataset.journeyId ?? '—'),
    el('td', dataset.stage ?? '—'),
    cell(runtimeStatus(item.runtimeStatus)),
    phase,
    timeCell('td', item.deleteAt),
    left,
    action,
  );
  return row;
}

function renderTeardowns(teardowns) {
  const items = teardowns?.items ?? [];
  $('#teardowns tbody').replaceChildren(...items.map(teardownRow));
  $('#teardowns-empty').hidden = items.length > 0;
  $('#teardowns').hidden = items.length === 0;
  updateTimesLeft();
  return items;
}

async function loadTeardowns() {
  panels.teardowns.hidden = false;
  await section(() => getJson('teardowns'), renderTeardowns, '#teardowns-error');
}

// After a termination or cancel: the list is read again every second until the dataset has left it, ten times at most.
function pollTeardownsUntilGone(datasetId, tries = 10) {
  pollTeardownsUntil((items) => !items.some((item) => item.datasetId === datasetId), tries);
}

// The list is read again every second until `done(items)` holds, `tries` times at most.
function pollTeardownsUntil(done, tries = 10) {
  clearTimeout(teardownPoll);
  const current = session;
  const poll = async (left) => {
    if (current !== session) return;
    let items = null;
    await section(() => getJson('teardowns'), (body) => { items = renderTeardowns(body); }, '#teardowns-error');
    const gone = items !== null && done(items);
    if (!gone && left > 1 && current === session) {
      teardownPoll = setTimeout(() => poll(left - 1), 1000);
    }
  };
  teardownPoll = setTimeout(() => poll(tries), 1000);
}

// Problem details in words: the title or detail, then each validation error.
export function problemMessages(error) {
  const problem = error instanceof ApiError ? error.problem : null;
  if (!problem) return [error.message];
  const messages = [];
  const errors = problem.errors;
  if (Array.isArray(errors)) {
    messages.push(...errors.map((e) => (typeof e === 'string' ? e : e?.message ?? e?.errorMessage ?? JSON.stringify(e))));
  } else if (errors && typeof errors === 'object') {
    for (const [field, values] of Object.entries(errors)) {
      for (const value of Array.isArray(values) ? values : [values]) {
        messages.push(field ? `${field}: ${value}` : String(value));
      }
    }
  }
  return [problem.detail ?? problem.title ?? error.message, ...messages];
}

function openTerminateDialog(datasetId) {
  terminating = datasetId;
  const form = $('#terminate-form');
  form.reset();
  $('#terminate-dataset').textContent = datasetId;
  $('#terminate-error').hidden = true;
  $('#terminate-confirm').disabled = false;
  $('#terminate-dialog').showModal();
  form.elements.reason.focus();
}

function showTerminateError(messages) {
  const node = $('#terminate-error');
  node.replaceChildren(...messages.map((message, i) => (i === 0 ? el('span', message) : el('span', message, 'error-line'))));
  node.hidden = false;
}

async function confirmTerminate(event) {
  event.preventDefault();
  const datasetId = terminating;
  if (!datasetId) return;
  const reason = $('#terminate-form').elements.reason.value.trim();
  if (reason.length < 1 || reason.length > 500) {
    showTerminateError(['Give a reason of 1 to 500 characters.']);
    return;
  }
  const button = $('#terminate-confirm');
  button.disabled = true;
  const current = session;
  try {
    const answer = await postJson(`teardowns/${encodeURIComponent(datasetId)}/terminate`, { reason });
    if (current !== session) return;
    $('#terminate-dialog').close();
    terminating = null;
    const message = $('#teardowns-message');
    message.textContent = `Termination requested for ${answer?.datasetId ?? datasetId}`;
    message.hidden = false;
    pollTeardownsUntilGone(datasetId);
  } catch (error) {
    if (current !== session) return;
    if (error instanceof Unauthorized) {
      showKeyForm('The key was refused. Enter a valid function key.');
      return;
    }
    showTerminateError(problemMessages(error));
  } finally {
    button.disabled = false;
  }
}

// Commands: retry, bulk retry, cancel and extend a teardown. One dialog; each command says what it asks for.

let command = null;

function openCommand(config) {
  command = config;
  const form = $('#command-form');
  form.reset();
  $('#command-title').textContent = config.title;
  $('#command-explain').textContent = config.explain;
  $('#command-hours-row').hidden = !config.hours;
  $('#command-since-row').hidden = !config.since;
  $('#command-reason-hint').textContent = config.reasonRequired ? '(required, up to 500 characters)' : '(optional, up to 500 characters)';
  form.elements.reason.required = Boolean(config.reasonRequired);
  $('#command-confirm').textContent = config.confirm;
  $('#command-confirm').className = config.danger ? 'danger' : '';
  $('#command-confirm').disabled = false;
  $('#command-error').hidden = true;
  $('#command-dialog').showModal();
  (config.hours ? form.elements.hours : form.elements.reason).focus();
}

function showCommandError(messages) {
  const node = $('#command-error');
  node.replaceChildren(...messages.map((message, i) => (i === 0 ? el('span', message) : el('span', message, 'error-line'))));
  node.hidden = false;
}

// The form's values as the API takes them; a list of problems when the form itself is wrong.
function commandValues(config) {
  const form = $('#command-form').elements;
  const values = {};
  const problems = [];
  const reason = form.reason.value.trim();
  if (reason.length > 500) problems.push('Give a reason of at most 500 characters.');
  if (config.reasonRequired && reason.length < 1) problems.push('Give a reason.');
  if (reason) values.reason = reason;
  if (config.hours) {
    const hours = Number(form.hours.value);
    if (!Number.isInteger(hours) || hours < 1 || hours > 720) problems.push('Extend by a whole number of hours from 1 to 720.');
    values.hours = hours;
  }
  if (config.since && form.failedSince.value) {
    values.failedSince = new Date(form.failedSince.value).toISOString();
  }
  return { values, problems };
}

async function confirmCommand(event) {
  event.preventDefault();
  const config = command;
  if (!config) return;
  const { values, problems } = commandValues(config);
  if (problems.length > 0) {
    showCommandError(problems);
    return;
  }
  const button = $('#command-confirm');
  button.disabled = true;
  const current = session;
  try {
    const answer = await postJson(config.path, { ...config.body, ...values });
    if (current !== session) return;
    $('#command-dialog').close();
    config.done(answer ?? {});
  } catch (error) {
    if (current !== session) return;
    if (error instanceof Unauthorized) {
      showKeyForm('The key was refused. Enter a valid function key.');
      return;
    }
    showCommandError(problemMessages(error));
  } finally {
    button.disabled = false;
  }
}

function notice(selector, text) {
  const node = $(selector);
  node.textContent = text;
  node.hidden = false;
}

function openRetry(datasetId) {
  openCommand({
    title: `Retry provisioning ${datasetId}?`,
    explain: 'The failed dataset is provisioned again in place: same id, a new attempt, its connector filled and validated again.',
    confirm: 'Retry',
    path: `datasets/${encodeURIComponent(datasetId)}/retry`,
    done: () => {
      notice('#detail-message', `Retry started for ${datasetId}.`);
      loadDetail(datasetId);
    },
  });
}

function openBulkRetry() {
  const { clientId, journeyId, stage } = filters();
  const body = Object.fromEntries(Object.entries({ clientId, journeyId, stage }).filter(([, v]) => v));
  const scope = Object.entries(body).map(([k, v]) => `${k} ${v}`).join(', ');
  openCommand({
    title: 'Retry failed datasets?',
    explain: scope
      ? `Every failed dataset with ${scope} (and failed since the time below, if given) is provisioned again, at most 100.`
      : 'Give a client, journey or stage in the filters, or a time below: a bulk retry names what it retries.',
    since: true,
    confirm: 'Retry failed datasets',
    path: 'datasets/retry',
    body,
    done: (answer) => {
      const started = answer.started?.length ?? 0;
      const refused = (answer.refused ?? []).map((r) => `${r.datasetId}: ${r.reason}`);
      notice('#datasets-message', [`${answer.matched ?? 0} failed datasets matched; ${started} retries started.`, ...refused].join(' '));
      loadDatasets();
    },
  });
}

function openCancelTeardown(datasetId) {
  openCommand({
    title: `Cancel the teardown of ${datasetId}?`,
    explain: 'The connector is made visible again and the dataset revalidated: it returns to ready, or to failed with the checks named. Nothing is deleted.',
    reasonRequired: true,
    confirm: 'Cancel teardown',
    path: `teardowns/${encodeURIComponent(datasetId)}/cancel`,
    done: () => {
      notice('#teardowns-message', `Cancel requested for ${datasetId}`);
      pollTeardownsUntilGone(datasetId);
    },
  });
}

function openExtendTeardown(datasetId) {
  const before = [...document.querySelectorAll('#teardowns td.time-left[data-delete-at]')]
    .find((node) => node.closest('tr')?.dataset.datasetId === datasetId)?.dataset.deleteAt;
  openCommand({
    title: `Extend the grace period of ${datasetId}?`,
    explain: 'The connector is deleted that much later. The teardown can still be cancelled until then.',
    hours: true,
    reasonRequired: true,
    confirm: 'Extend grace period',
    path: `teardowns/${encodeURIComponent(datasetId)}/extend`,
    done: (answer) => {
      notice('#teardowns-message', `Grace period of ${datasetId} extended by ${answer.extendedByHours ?? ''} hours`);
      // The teardown moves its timer a moment later: read the list until its end has moved.
      pollTeardownsUntil((items) => items.some((item) => item.datasetId === datasetId && item.deleteAt && item.deleteAt !== before));
    },
  });
}

// Scheduled scans

function scanEntries(scan, labels) {
  const entries = [['Schedule', scan?.schedule]];
  const run = scan?.lastRun;
  if (!run) {
    entries.push(['Last run', 'Never run']);
    return entries;
  }
  entries.push(['Last run', formatTime(run.createdAt)], ['Status', run.runtimeStatus], ['Updated', formatTime(run.lastUpdatedAt)]);
  const output = run.output;
  if (output === null || output === undefined) return entries;
  if (typeof output !== 'object' || Array.isArray(output)) {
    entries.push(['Output', summarize(output)]);
    return entries;
  }
  for (const [key, value] of Object.entries(output)) {
    if (Array.isArray(value)) {
      entries.push([labels[key] ?? key, value.length]);
    } else if (isScalar(value)) {
      entries.push([labels[key] ?? key, value === null ? '—' : shorten(value)]);
    }
  }
  const coverage = output.coverage;
  if (coverage && typeof coverage === 'object') {
    entries.push(
      ['Probed', `${coverage.probed} of ${coverage.ready} READY (${coverage.skipped} no longer READY, ${coverage.unprobed} not probed)`],
      ['Probe rate', `${coverage.probesPerSecond ?? '—'}/s over ${coverage.duration}`]);
  }
  return entries;
}

function renderScan(selector, scan, labels) {
  const list = $(selector);
  describe(list, scanEntries(scan, labels));
  list.dataset.lastStatus = scan?.lastRun?.runtimeStatus ?? 'never';
}

function renderScans(scans) {
  renderScan('#scan-orphan', scans?.orphanScan, { examined: 'Examined', datasetIds: 'Orphans' });
  renderScan('#scan-health', scans?.healthSweep, {});
  renderScan('#scan-sync', scans?.connectorSync, { due: 'Due', pushed: 'Pushed', unchanged: 'Unchanged', probed: 'Probed', revalidated: 'Validated again', failed: 'Failed' });
}

async function loadScans() {
  panels.scans.hidden = false;
  await section(() => getJson('operations/scans'), renderScans, '#scans-error');
}

// Charts

function cssColor(name, fallback) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

function statusColor(status) {
  switch (status) {
    case 'ready': return cssColor('--ok', '#1c7c3c');
    case 'failed': return cssColor('--bad', '#b3261e');
    case 'archived': return cssColor('--muted', '#5b6673');
    default: return cssColor('--warn', '#9a6700');
  }
}

function renderFallback(byStatus, labels, provisioning) {
  $('#status-counts tbody').replaceChildren(...labels.map((status) => {
    const row = el('tr');
    row.dataset.status = status;
    row.append(el('td', status), el('td', byStatus[status] ?? 0, 'number'));
    return row;
  }));
  $('#provisioning-times tbody').replaceChildren(...provisioning.map((p) => {
    const row = el('tr');
    row.dataset.datasetId = p.datasetId;
    const link = cell(datasetLink(p.datasetId));
    row.append(link, el('td', p.datasetType), el('td', p.stage), timeCell('td', p.readyAt), el('td', seconds(p.seconds), 'number'));
    return row;
  }));
}

function renderCharts(byStatus, labels, provisioning, stats) {
  const Chart = window.Chart;
  const ink = cssColor('--fg', '#1d232b');
  const grid = cssColor('--line', '#d8dde3');
  const scales = {
    x: { ticks: { color: ink }, grid: { color: grid } },
    y: { beginAtZero: true, ticks: { color: ink, precision: 0 }, grid: { color: grid } },
  };
  charts.push(new Chart($('#chart-status'), {
    type: 'bar',
    data: {
      labels,
      datasets: [{ label: 'Datasets', data: labels.map((s) => byStatus[s] ?? 0), backgroundColor: labels.map(statusColor) }],
    },
    options: { animation: false, maintainAspectRatio: false, plugins: { legend: { display: false } }, scales },
  }));

  // Oldest on the left: the API lists the latest first.
  const points = [...provisioning].reverse();
  const datasets = [{
    type: 'bar',
    label: 'Seconds to ready',
    data: points.map((p) => p.seconds),
    backgroundColor: cssColor('--accent', '#2456a6'),
    pointStyle: 'rect',
  }];
  for (const [label, value, dash] of [['median', stats?.median, []], ['p95', stats?.p95, [6, 4]]]) {
    if (value !== null && value !== undefined && points.length > 0) {
      datasets.push({
        type: 'line',
        label,
        data: points.map(() => value),
        borderColor: cssColor('--warn', '#9a6700'),
        borderDash: dash,
        borderWidth: 1.5,
        pointRadius: 0,
        pointStyle: 'line',
      });
    }
  }
  charts.push(new Chart($('#chart-provisioning'), {
    type: 'bar',
    data: { labels: points.map((p) => formatTime(p.readyAt).slice(5, 16)), datasets },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: { ...scales, y: { ...scales.y, ticks: { color: ink }, title: { display: true, text: 'seconds', color: ink } } },
      plugins: {
        legend: { labels: { color: ink, usePointStyle: true } },
        tooltip: {
          callbacks: {
            title: (items) => (items.length ? points[items[0].dataIndex].datasetId : ''),
            afterTitle: (items) => {
              const p = items.length ? points[items[0].dataIndex] : null;
              return p ? `${p.datasetType} · ${p.stage} · ready ${formatTime(p.readyAt)}` : '';
            },
          },
        },
      },
    },
  }));
}

function renderSummary(summary) {
  destroyCharts();
  const byStatus = summary?.datasetsByStatus ?? {};
  const labels = [...statuses, ...Object.keys(byStatus).filter((s) => !statuses.includes(s))];
  const provisioning = summary?.provisioning ?? [];
  const stats = summary?.provisioningSeconds ?? null;
  $('#summary-total').textContent = `${Number(summary?.total ?? 0).toLocaleString('en')} datasets`;
  $('#provisioning-stats').textContent = stats && stats.count > 0
    ? `Provisioning time over the last ${stats.count} ready datasets: median ${seconds(stats.median)}, p95 ${seconds(stats.p95)}`
    : 'No dataset has finished provisioning yet.';

  const chartsAvailable = typeof window.Chart === 'function';
  if (chartsAvailable) {
    try {
      renderCharts(byStatus, labels, provisioning, stats);
    } catch (error) {
      destroyCharts();
      console.error('The charts could not be drawn; showing the numbers instead.', error);
    }
  }
  const fallback = charts.length === 0;
  $('#charts-panel .charts').hidden = fallback;
  $('#charts-fallback').hidden = !fallback;
  if (fallback) {
    renderFallback(byStatus, labels, provisioning);
  }
}

async function loadSummary() {
  panels.charts.hidden = false;
  await section(() => getJson('operations/summary'), renderSummary, '#summary-error');
}

// The quality trend: validation runs per day over the chosen window, for the caller's clients.
function qualityQuery() {
  const form = $('#quality-filters');
  const query = { days: form.elements.days.value };
  for (const name of ['clientId', 'templateId']) {
    const value = form.elements[name].value.trim();
    if (value) query[name] = value;
  }
  return query;
}

function renderQualityTrend(trend) {
  const total = trend?.total ?? {};
  const share = total.readyShare === null || total.readyShare === undefined ? '—' : `${(total.readyShare * 100).toFixed(1)} %`;
  $('#quality-total').textContent = total.runs
    ? `${total.runs} validation runs of ${total.datasets} datasets from ${trend.from} to ${trend.to}: mean score ${score(total.meanScore)}, lowest ${score(total.minScore)}, ${share} at or above ${trend.readyThreshold}; ${total.failed} failed, ${total.unchecked} unchecked.`
    : `No validation run from ${trend?.from ?? ''} to ${trend?.to ?? ''}.`;
  const days = trend?.days ?? [];
  $('#quality-trend tbody').replaceChildren(...days.filter((d) => d.figures.runs > 0).map((d) => {
    const row = el('tr');
    row.dataset.date = d.date;
    const f = d.figures;
    row.append(
      el('td', d.date),
      el('td', f.runs, 'number'),
      el('td', score(f.meanScore), 'number'),
      el('td', score(f.minScore), 'number'),
      el('td', f.readyShare === null ? '—' : `${(f.readyShare * 100).toFixed(1)} %`, 'number'),
      el('td', f.failed, 'number'),
      el('td', f.unchecked, 'number'),
    );
    return row;
  }));
  qualityTrendChart?.destroy();
  qualityTrendChart = null;
  let drawn = false;
  if (typeof window.Chart === 'function') {
    try {
      const ink = cssColor('--fg', '#1d232b');
      const grid = cssColor('--line', '#d8dde3');
      qualityTrendChart = new window.Chart($('#chart-quality-trend'), {
        type: 'bar',
        data: {
          labels: days.map((d) => d.date.slice(5)),
          datasets: [
            { type: 'line', label: 'Mean score', data: days.map((d) => d.figures.meanScore), borderColor: cssColor('--accent', '#2456a6'), yAxisID: 'score', spanGaps: true },
            { type: 'bar', label: 'Runs', data: days.map((d) => d.figures.runs), backgroundColor: cssColor('--line', '#d8dde3'), yAxisID: 'runs' },
          ],
        },
        options: {
          animation: false,
          maintainAspectRatio: false,
          scales: {
            x: { ticks: { color: ink }, grid: { color: grid } },
            score: { position: 'left', suggestedMin: 0, max: 100, ticks: { color: ink }, grid: { color: grid } },
            runs: { position: 'right', beginAtZero: true, ticks: { color: ink, precision: 0 }, grid: { display: false } },
          },
          plugins: { legend: { labels: { color: ink } } },
        },
      });
      drawn = true;
    } catch (error) {
      console.error('The quality trend could not be drawn; the table shows the days.', error);
    }
  }
  $('#quality-trend-box').hidden = !drawn;
  $('#quality-trend').hidden = drawn;
}

async function loadQualityTrend() {
  panels.quality.hidden = false;
  await section(() => getJson('quality/trends', qualityQuery()), renderQualityTrend, '#quality-error');
}

// The main view's panels besides the dataset list.
// The estate-wide panels (summary, scans) only for roles that see every client; the API refuses the others anyway.
function refreshOverview() {
  panels.overview.hidden = false;
  const estate = may('readOperations');
  panels.charts.hidden = !estate;
  panels.scans.hidden = !estate;
  return Promise.all([estate ? loadSummary() : null, estate ? loadScans() : null, loadTeardowns(), loadQualityTrend(), loadInsight(estate)]);
}

function showCaller(me) {
  caller = me;
  const who = $('#signed-in');
  const roles = (me.roles ?? []).map((role) => role.replace('DataOps.', '')).join(', ') || 'no role';
  const clients = me.seesEveryClient ? 'every client' : (me.clients ?? []).join(', ') || 'no client';
  who.textContent = `${me.name} (${roles}; ${clients})`;
  who.dataset.roles = (me.roles ?? []).join(' ');
  who.hidden = false;
  $('#bulk-retry').hidden = !may('bulkRetry');
}

function route() {
  const match = /^#dataset=(.+)$/.exec(location.hash);
  if (match && storedKey()) {
    loadDetail(decodeURIComponent(match[1]));
  } else {
    detailRequest += 1;
    panels.detail.hidden = true;
  }
}

async function openMainView() {
  const current = session;
  try {
    const me = await getJson('me');
    if (current !== session) return;
    showCaller(me);
  } catch (error) {
    if (current !== session) return;
    failed('#key-error', error);
    if (error instanceof Unauthorized) return;
  }
  const accepted = await loadDatasets();
  if (accepted && storedKey()) {
    refreshOverview();
    route();
  }
}

function start() {
  $('#key-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const key = $('#key-input').value.trim();
    if (!key) return;
    storeKey(key, $('#key-kind').value === 'token' ? 'token' : 'key');
    $('#key-input').value = '';
    openMainView();
  });
  $('#filters').addEventListener('submit', (event) => {
    event.preventDefault();
    loadDatasets();
  });
  $('#more').addEventListener('click', () => loadDatasets(true));
  $('#quality-filters').addEventListener('submit', (event) => {
    event.preventDefault();
    loadQualityTrend();
  });
  $('#refresh').addEventListener('click', () => {
    if (storedKey()) {
      refreshOverview();
    } else {
      showKeyForm();
    }
  });
  $('#sign-out').addEventListener('click', () => {
    forgetKey();
    showKeyForm();
  });
  $('#teardowns tbody').addEventListener('click', (event) => {
    const button = event.target.closest('button');
    if (!button || button.disabled) return;
    const datasetId = button.dataset.datasetId;
    if (button.classList.contains('terminate')) {
      openTerminateDialog(datasetId);
    } else if (button.classList.contains('cancel-teardown')) {
      openCancelTeardown(datasetId);
    } else if (button.classList.contains('extend-teardown')) {
      openExtendTeardown(datasetId);
    }
  });
  $('#retry-dataset').addEventListener('click', (event) => openRetry(event.currentTarget.dataset.datasetId));
  $('#bulk-retry').addEventListener('click', openBulkRetry);
  $('#command-form').addEventListener('submit', confirmCommand);
  $('#command-cancel').addEventListener('click', () => $('#command-dialog').close());
  $('#command-dialog').addEventListener('close', () => {
    command = null;
  });
  $('#terminate-form').addEventListener('submit', confirmTerminate);
  $('#terminate-cancel').addEventListener('click', () => $('#terminate-dialog').close());
  $('#terminate-dialog').addEventListener('close', () => {
    terminating = null;
  });
  initInsight({ may, failed });
  window.addEventListener('hashchange', route);
  setInterval(updateTimesLeft, 30_000);

  if (storedKey()) {
    openMainView();
  } else {
    showKeyForm();
    platformSession().then((signedIn) => {
      if (signedIn) openMainView();
    });
  }
}

start();
