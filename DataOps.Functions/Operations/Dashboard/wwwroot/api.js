// The dashboard's only way to the API: every call sends the session's function key in the x-functions-key header.
// A 401 forgets the key, so the page falls back to the key form and shows nothing else.

const keyName = 'dataops.functionKey';

export class Unauthorized extends Error {
  constructor() {
    super('The key was refused.');
    this.name = 'Unauthorized';
  }
}

// Any other failed answer: its status and the problem details the API sent (null when the body was not JSON).
export class ApiError extends Error {
  constructor(status, statusText, problem) {
    super(`${status}: ${problem?.detail ?? problem?.title ?? statusText}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

export function storedKey() {
  return sessionStorage.getItem(keyName);
}

export function storeKey(key) {
  sessionStorage.setItem(keyName, key);
}

export function forgetKey() {
  sessionStorage.removeItem(keyName);
}

// The dashboard is served at <routePrefix>/dashboard/, so the API is one level up.
function apiUrl(path, query) {
  const url = new URL(`../${path}`, document.baseURI);
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') {
      url.searchParams.set(name, value);
    }
  }
  return url;
}

async function send(method, path, query, body) {
  const key = storedKey();
  if (!key) {
    throw new Unauthorized();
  }
  const headers = { 'x-functions-key': key, accept: 'application/json' };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
  }
  const response = await fetch(apiUrl(path, query), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
  });
  if (response.status === 401) {
    forgetKey();
    throw new Unauthorized();
  }
  const json = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(response.status, response.statusText, json);
  }
  return json;
}

export function getJson(path, query) {
  return send('GET', path, query);
}

export function postJson(path, body) {
  return send('POST', path, undefined, body ?? {});
}
