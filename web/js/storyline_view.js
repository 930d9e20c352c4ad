// The storyline page (#/storyline/ID): a storyline's events on a timeline, earliest first, each
// with its headline, its dates and sources, and the first points of its digest (loaded after
// the timeline, one request per event, so the timeline shows at once).
import {ApiError, api} from './api.js';
import {normaliseDigest} from './digest.js';
import {el} from './dom.js';
import {dateRange, plural} from './format.js';
import {memory} from './memory.js';
import {errorBox} from './notices.js';
import {begin, focusHeading, isCurrent, setState, setStatus, view} from './page.js';
import {route, storyHash} from './router.js';

// Digest points shown per event: the storyline page is an overview; the event's page has all.
const POINTS_PER_EVENT = 3;
// Digests asked for at once: a storyline of a hundred events must not ask the server for a
// hundred digests together.
const DIGESTS_AT_ONCE = 4;

export async function showStoryline(r, hash) {
  const {token, signal} = begin(hash);
  document.title = `Storyline ${r.id} — storydesk`;
  const back = el('nav', {class: 'crumbs', 'aria-label': 'Breadcrumb'},
    el('a', {href: memory.listHash, class: 'back-link', id: 'back-link'},
      el('span', {'aria-hidden': 'true'}, '← '), 'All stories'));
  view.replaceChildren(back, el('h1', {id: 'view-title', tabindex: '-1'}, `Storyline ${r.id}`),
    el('p', {class: 'loading'}, 'Loading the storyline…'));
  setStatus('Loading the storyline…');

  let line;
  try {
    line = await api(`/api/storylines/${encodeURIComponent(r.id)}`, signal);
  } catch (e) {
    if (e.name === 'AbortError' || !isCurrent(token)) return;
    const missing = e instanceof ApiError && e.status === 404;
    const title = missing ? `There is no storyline ${r.id}.` : 'The storyline could not be loaded.';
    view.replaceChildren(back,
      el('h1', {id: 'view-title', tabindex: '-1'}, missing ? 'Storyline not found' : `Storyline ${r.id}`),
      errorBox(title, e, missing ? null : () => route()));
    setState('error');
    setStatus(title);
    focusHeading();
    return;
  }
  if (!isCurrent(token)) return;

  const events = Array.isArray(line.timeline) ? line.timeline : [];
  const headline = line.headline || `Storyline ${r.id}`;
  document.title = `${headline} — storydesk`;
  const points = new Map();  // event id -> the list its digest points go into
  const items = events.map((event) => {
    const list = el('ul', {class: 'event-points', 'aria-label': 'First points of its summary'});
    points.set(event.id, list);
    const names = Array.isArray(event.source_names) ? event.source_names.filter(Boolean) : [];
    return el('li', {class: 'event-item'},
      el('p', {class: 'event-date'}, dateRange(event.first_published, event.last_published)),
      el('div', {class: 'event-body'},
        el('h2', {class: 'story-title'},
          el('a', {href: storyHash(event.id), onclick: () => { memory.lastStoryId = String(event.id); }},
            event.headline || `Story ${event.id}`)),
        el('p', {class: 'story-meta'},
          el('span', null, plural(Number(event.articles) || 0, 'article')),
          el('span', null, plural(Number(event.sources) || 0, 'source'))),
        names.length ? el('p', {class: 'story-sources'}, el('span', {class: 'label'}, 'Sources: '), names.join(', ')) : null,
        list));
  });
  const sourceCount = Number(line.sources) || 0;
  view.replaceChildren(back, el('article', {class: 'storyline'},
    el('header', {class: 'story-header'},
      el('div', {class: 'story-text'},
        el('p', {class: 'eyebrow'}, 'Storyline'),
        el('h1', {id: 'view-title', tabindex: '-1'}, headline),
        el('p', {class: 'story-meta'},
          dateRange(line.first_published, line.last_published),
          el('span', null, plural(events.length, 'event')),
          el('span', null, plural(Number(line.articles) || 0, 'article')),
          el('span', null, plural(sourceCount, 'source'))))),
    el('section', {class: 'story-section', 'aria-labelledby': 'events-title'},
      el('h2', {id: 'events-title'}, 'Events, earliest first'),
      el('ol', {class: 'event-timeline'}, items))));
  setState('ready');
  setStatus(`Storyline loaded: ${headline}, ${plural(events.length, 'event')}.`);
  focusHeading();

  // Each event's first digest points, in timeline order, a few requests at a time; an event
  // whose digest fails or has no points says so.
  const load = async (event) => {
    const list = points.get(event.id);
    try {
      const digest = normaliseDigest(await api(`/api/stories/${encodeURIComponent(event.id)}`, signal), event.id);
      if (!isCurrent(token)) return;
      const shown = digest.bullets.slice(0, POINTS_PER_EVENT).map((b) => el('li', null, b.text || ''));
      list.replaceChildren(...(shown.length ? shown : [el('li', {class: 'empty-note'}, 'No summary points yet.')]));
    } catch (e) {
      if (e.name === 'AbortError' || !isCurrent(token)) return;
      list.replaceChildren(el('li', {class: 'empty-note'}, 'The summary of this event could not be loaded.'));
    }
  };
  let next = 0;
  const worker = async () => {
    while (next < events.length && isCurrent(token)) await load(events[next++]);
  };
  await Promise.all(Array.from({length: Math.min(DIGESTS_AT_ONCE, events.length)}, worker));
}
