// Hash routing: parses and builds the routes, and shows the view of the route in the address
// bar (the list and story views are given by startRouter; "not found" and failures are here).
import {query} from './api.js';
import {el} from './dom.js';
import {memory} from './memory.js';
import {errorBox} from './notices.js';
import {begin, focusHeading, setState, setStatus, view} from './page.js';

// The views of the list, a story and a storyline, given by startRouter: {showList, showStory,
// focusSource, showStoryline}.
let views = null;

// Shows the route in the address bar now and whenever it changes.
export function startRouter(listAndStoryViews) {
  views = listAndStoryViews;
  window.addEventListener('hashchange', route);
  route();
}

export function parseHash(hash) {
  const text = hash.replace(/^#/, '') || '/';
  const cut = text.indexOf('?');
  const path = cut < 0 ? text : text.slice(0, cut);
  const params = new URLSearchParams(cut < 0 ? '' : text.slice(cut + 1));
  const story = /^\/story\/(\d+)(?:\/source\/(\d+))?\/?$/.exec(path);
  if (story) {
    return {name: 'story', id: story[1], source: story[2] ? Number(story[2]) : null};
  }
  const storyline = /^\/storyline\/(\d+)\/?$/.exec(path);
  if (storyline) return {name: 'storyline', id: storyline[1]};
  if (path === '/' || path === '') {
    return {
      name: 'list',
      q: (params.get('q') || '').trim(),
      entity: (params.get('entity') || '').trim(),
      since: params.get('since') || '',
      until: params.get('until') || '',
    };
  }
  return {name: 'notfound', path};
}

export function listHashFor(filters) {
  return `#/${query({q: filters.q, entity: filters.entity, since: filters.since, until: filters.until})}`;
}

export function storyHash(id, source) {
  const story = encodeURIComponent(String(id));
  return source ? `#/story/${story}/source/${source}` : `#/story/${story}`;
}

export function storylineHash(id) {
  return `#/storyline/${encodeURIComponent(String(id))}`;
}

// Shows the view of the route in the address bar.
export function route() {
  const hash = location.hash || '#/';
  if (hash === '#main') return;  // the skip link without JavaScript's help: nothing to route
  const r = parseHash(hash);
  if (r.name === 'story' && memory.currentStory && memory.currentStory.id === r.id && view.dataset.state === 'ready') {
    // Same story: only a marker was followed; move to the source without reloading.
    view.dataset.route = hash;
    views.focusSource(r.source);
    return;
  }
  memory.currentStory = null;
  window.scrollTo(0, 0);
  const run = r.name === 'list' ? views.showList(r, hash)
    : r.name === 'story' ? views.showStory(r, hash)
      : r.name === 'storyline' ? views.showStoryline(r, hash)
        : Promise.resolve(showNotFound(hash));
  run.catch((e) => {
    if (e && e.name === 'AbortError') return;
    showFailure('Something went wrong while showing this page.', e);
  }).finally(() => { memory.firstRender = false; });
}

function showFailure(title, error) {
  setState('error');
  setStatus(title);
  view.replaceChildren(
    el('h1', {id: 'view-title', tabindex: '-1'}, 'Something went wrong'),
    errorBox(title, error, () => route()),
    el('p', null, el('a', {href: memory.listHash}, 'Back to the stories')));
}

function showNotFound(hash) {
  begin(hash);
  document.title = 'Page not found — storydesk';
  view.replaceChildren(
    el('h1', {id: 'view-title', tabindex: '-1'}, 'Page not found'),
    el('p', null, 'There is no page at this address. ', el('a', {href: '#/'}, 'See all stories'), '.'));
  setState('error');
  setStatus('Page not found.');
  focusHeading();
}
