// The dashboard's only way to the API: every call sends the session's credential in a header, never in a URL: a
// function key in x-functions-key, or a bearer token (Entra ID, or a development token) in Authorization. Behind App
// Service Authentication the platform's session cookie goes instead, and the platform adds the caller's principal.
// A 401 forgets the credential, so the page falls back to the sign-in form and shows nothing else.

const credentialName = 'dataops.credential';

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

// The session's credential: { kind: 'key' | 'token' | 'platform', value }, or null.
export function storedKey() {
  try {
    return JSON.parse(sessionStorage.getItem(credentialName));
  } catch {
    return null;
  }
}

export function storeKey(value, kind = 'key') {
  sessionStorage.setItem(credentialName, JSON.stringify({ kind, value }));
}

export function forgetKey() {
  sessionStorage.removeItem(credentialName);
}

// Whether the platform (App Service Authentication) has signed this browser in: its cookie alone opens the API.
export async function platformSession() {
  const response = await fetch(apiUrl('me'), { headers: { accept: 'application/json' }, cache: 'no-store', credentials: 'same-origin' })
    .catch(() => null);
  if (response?.ok) {
    storeKey('', 'platform');
    return true;
  }
  return false;
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
  const credential = storedKey();
  if (!credential) {
    throw new Unauthorized();
  }
  const headers = { accept: 'application/json' };
  if (credential.kind === 'key') {
    headers['x-functions-key'] = credential.value;
  } else if (credential.kind === 'token') {
    headers.authorization = `Bearer ${credential.value}`;
  }
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
  }
  const response = await fetch(apiUrl(path, query), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
    credentials: credential.kind === 'platform' ? 'same-origin' : 'omit',
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

// A file the API serves as a download (a report): fetched with the session's credential in a header, like every call,
// and handed back as a Blob with the file name the API gave it.
export async function getFile(path, query) {
  const credential = storedKey();
  if (!credential) {
    throw new Unauthorized();
  }
  const headers = {};
  if (credential.kind === 'key') {
    headers['x-functions-key'] = credential.value;
  } else if (credential.kind === 'token') {
    headers.authorization = `Bearer ${credential.value}`;
  }
  const response = await fetch(apiUrl(path, query), {
    headers,
    cache: 'no-store',
    credentials: credential.kind === 'platform' ? 'same-origin' : 'omit',
    referrerPolicy: 'no-referrer',
  });
  if (response.status === 401) {
    forgetKey();
    throw new Unauthorized();
  }
  if (!response.ok) {
    throw new ApiError(response.status, response.statusText, await response.json().catch(() => null));
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? path.split('/').pop();
  return { blob: await response.blob(), name };
}
