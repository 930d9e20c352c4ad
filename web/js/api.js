// The JSON API of `storydesk serve`: api() fetches a path and gives its JSON or throws an
// ApiError saying what failed; query() builds a query string.

export class ApiError extends Error {
  constructor(message, status, code) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export async function api(path, signal) {
  let response;
  try {
    response = await fetch(path, {signal, headers: {Accept: 'application/json'}});
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError('Could not reach the storydesk server. Check that it is still running, then try again.', 0, 'network');
  }
  let body = null;
  try { body = await response.json(); } catch (_) { body = null; }
  if (!response.ok) {
    const error = body && typeof body === 'object' ? body.error : null;
    const message = error && error.message ? String(error.message)
      : `The server answered ${response.status} ${response.statusText || ''}`.trim() + '.';
    throw new ApiError(message, response.status, error && error.code ? String(error.code) : 'http');
  }
  if (body === null || typeof body !== 'object') {
    throw new ApiError('The server sent an answer that is not JSON.', response.status, 'bad_response');
  }
  return body;
}

export function query(params) {
  const p = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') p.set(key, String(value));
  }
  const text = p.toString();
  return text ? `?${text}` : '';
}
