// The page's view area (#view) and its status line: the state a view is in, the message read
// to screen readers, where focus goes, and which view is current (begin() and isCurrent()).
import {memory} from './memory.js';

export const view = document.getElementById('view');
const statusEl = document.getElementById('status');

let controller = null;  // aborts the fetches of a view left behind
let renderToken = 0;    // a view whose token is stale drops its results

export function setStatus(message) {
  statusEl.textContent = message;
}

export function setState(state) {
  view.dataset.state = state;
  view.setAttribute('aria-busy', state === 'loading' ? 'true' : 'false');
}

// Moves focus to the new view's heading, so keyboard and screen reader users start there.
export function focusHeading() {
  if (memory.firstRender) return;
  const heading = document.getElementById('view-title');
  if (heading) heading.focus();
}

// A view starts showing the route `hash`: the fetches of the view before are aborted; the new
// view gets its token (see isCurrent) and the signal that aborts its own fetches.
export function begin(hash) {
  if (controller) controller.abort();
  controller = new AbortController();
  renderToken += 1;
  view.dataset.route = hash;
  setState('loading');
  return {token: renderToken, signal: controller.signal};
}

// Whether the view that began with `token` is still the one to show.
export function isCurrent(token) {
  return token === renderToken;
}
