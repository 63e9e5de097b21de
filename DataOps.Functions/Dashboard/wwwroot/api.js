// The dashboard's only way to the API: every call sends the session's function key in the x-functions-key header.
// A 401 forgets the key, so the page falls back to the key form and shows nothing else.

const keyName = 'dataops.functionKey';

export class Unauthorized extends Error {
  constructor() {
    super('The key was refused.');
    this.name = 'Unauthorized';
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

export async function getJson(path, query) {
  const key = storedKey();
  if (!key) {
    throw new Unauthorized();
  }
  const response = await fetch(apiUrl(path, query), {
    headers: { 'x-functions-key': key, accept: 'application/json' },
    cache: 'no-store',
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
  });
  if (response.status === 401) {
    forgetKey();
    throw new Unauthorized();
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const detail = body?.detail ?? body?.title ?? response.statusText;
    throw new Error(`${response.status}: ${detail}`);
  }
  return body;
}
