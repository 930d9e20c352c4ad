// The story list (#/ and its filters): the search form, the stories a page at a time with
// "More stories", and the matching passages of a search.
import {activityChart} from './activity_chart.js';
import {api, query} from './api.js';
import {el} from './dom.js';
import {dateRange, formatDate, plural} from './format.js';
import {memory, rememberListHash} from './memory.js';
import {errorBox} from './notices.js';
import {begin, focusHeading, isCurrent, setState, setStatus, view} from './page.js';
import {listHashFor, route, storyHash, storylineHash} from './router.js';

const PAGE_SIZE = 20;
const SEARCH_SNIPPET_LIMIT = 50;

export async function showList(filters, hash) {
  const {token, signal} = begin(hash);
  rememberListHash(hash);
  const filtered = Boolean(filters.q || filters.entity || filters.since || filters.until);
  document.title = filters.entity ? `Stories naming ${filters.entity} — storydesk`
    : filters.q ? `“${filters.q}” — storydesk` : 'Stories — storydesk';

  const list = el('ol', {class: 'story-list', id: 'story-list'});
  const more = el('div', {class: 'more'});
  const results = el('div', {class: 'results'});
  view.replaceChildren(
    el('h1', {id: 'view-title', tabindex: '-1'}, filters.entity ? `Stories naming ${filters.entity}` : 'Stories'),
    filterForm(filters),
    results);
  setStatus(filters.q ? `Searching stories for “${filters.q}”…` : 'Loading stories…');
  results.append(el('p', {class: 'loading'}, 'Loading stories…'));

  const params = {q: filters.q, entity: filters.entity, since: filters.since, until: filters.until, limit: PAGE_SIZE};
  let page;
  let matches = new Map();
  try {
    const snippets = filters.q
      ? api(`/api/search${query({q: filters.q, limit: SEARCH_SNIPPET_LIMIT})}`, signal).catch(() => null)
      : Promise.resolve(null);
    [page, matches] = await Promise.all([
      api(`/api/stories${query(params)}`, signal),
      snippets.then(matchesByStory),
    ]);
  } catch (e) {
    if (e.name === 'AbortError' || !isCurrent(token)) return;
    setState('error');
    setStatus('The stories could not be loaded.');
    results.replaceChildren(errorBox('The stories could not be loaded.', e, () => route()));
    focusHeading();
    return;
  }
  if (!isCurrent(token)) return;

  const stories = Array.isArray(page.stories) ? page.stories : [];
  if (stories.length === 0) {
    results.replaceChildren(emptyList(filters, filtered));
    setState('empty');
    setStatus(filtered ? 'No stories match these filters.' : 'No stories yet.');
    focusHeading();
    return;
  }

  for (const story of stories) list.append(storyItem(story, matches.get(Number(story.id))));
  const count = el('p', {class: 'results-count'});
  results.replaceChildren(count, list, more);
  let shown = stories.length;
  let cursor = page.next_cursor || null;
  const describe = () => {
    const what = (filters.q ? ` matching “${filters.q}”` : '') + (filters.entity ? ` naming ${filters.entity}` : '');
    const text = `${plural(shown, 'story', 'stories')}${what} shown${cursor ? ', more available' : ''}.`;
    count.textContent = text;
    return text;
  };

  const button = el('button', {type: 'button', class: 'button', id: 'more-stories'}, 'More stories');
  button.addEventListener('click', async () => {
    if (button.disabled) return;
    button.disabled = true;
    button.textContent = 'Loading…';
    setStatus('Loading more stories…');
    let next;
    try {
      next = await api(`/api/stories${query({...params, cursor})}`, signal);
    } catch (e) {
      if (e.name === 'AbortError' || !isCurrent(token)) return;
      button.disabled = false;
      button.textContent = 'More stories';
      setStatus(`More stories could not be loaded: ${e.message}`);
      return;
    }
    if (!isCurrent(token)) return;
    const added = Array.isArray(next.stories) ? next.stories : [];
    const items = added.map((story) => storyItem(story, matches.get(Number(story.id))));
    list.append(...items);
    shown += added.length;
    cursor = next.next_cursor || null;
    button.disabled = false;
    button.textContent = 'More stories';
    if (!cursor) more.replaceChildren(el('p', {class: 'end-of-list'}, 'That is every story.'));
    setStatus(describe());
    const link = items.length ? items[0].querySelector('h2 a') : null;
    if (link) link.focus();
  });
  if (cursor) more.append(button);

  setState('ready');
  setStatus(describe());
  if (!memory.firstRender) {
    const href = memory.lastStoryId ? storyHash(memory.lastStoryId) : null;
    const back = href ? [...list.querySelectorAll('h2 a')].find((a) => a.getAttribute('href') === href) : null;
    if (back) back.focus(); else focusHeading();
  }
}

function matchesByStory(search) {
  const map = new Map();
  if (!search || !Array.isArray(search.stories)) return map;
  for (const story of search.stories) {
    if (story && Array.isArray(story.matches)) map.set(Number(story.id), story.matches);
  }
  return map;
}

function filterForm(filters) {
  const error = el('p', {class: 'field-error', id: 'filter-error', role: 'alert'});
  const q = el('input', {type: 'search', id: 'q', name: 'q', value: filters.q, autocomplete: 'off',
    spellcheck: 'false', placeholder: 'Words, names, places…'});
  const since = el('input', {type: 'date', id: 'since', name: 'since', value: filters.since});
  const until = el('input', {type: 'date', id: 'until', name: 'until', value: filters.until});
  const filtered = Boolean(filters.q || filters.since || filters.until);
  const form = el('form', {class: 'filters', role: 'search', 'aria-label': 'Find stories'},
    el('div', {class: 'field field-q'}, el('label', {for: 'q'}, 'Search stories'), q),
    el('div', {class: 'field field-date'}, el('label', {for: 'since'}, 'From'), since),
    el('div', {class: 'field field-date'}, el('label', {for: 'until'}, 'To'), until),
    el('div', {class: 'field field-actions'},
      el('button', {type: 'submit', class: 'button'}, 'Search'),
      filtered ? el('a', {href: '#/', class: 'button button-quiet'}, 'Clear filters') : null),
    error);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = {q: q.value.trim(), since: since.value, until: until.value};
    if (next.since && next.until && next.since > next.until) {
      error.textContent = 'The “From” date is after the “To” date.';
      since.setAttribute('aria-invalid', 'true');
      since.setAttribute('aria-describedby', 'filter-error');
      since.focus();
      return;
    }
    const hash = listHashFor(next);
    if (hash === location.hash || (hash === '#/' && !location.hash)) route();
    else location.hash = hash;
  });
  return form;
}

function emptyList(filters, filtered) {
  if (filtered) {
    const what = [];
    if (filters.q) what.push(`matches “${filters.q}”`);
    if (filters.since || filters.until) {
      what.push(`has articles ${filters.since ? `from ${formatDate(filters.since)}` : ''}${filters.since && filters.until ? ' ' : ''}${filters.until ? `to ${formatDate(filters.until)}` : ''}`);
    }
    return el('div', {class: 'notice'},
      el('p', {class: 'notice-title'}, 'No stories found.'),
      el('p', null, `No story ${what.join(' and ')}. Try other words or a wider range of dates, or `,
        el('a', {href: '#/'}, 'see all stories'), '.'));
  }
  return el('div', {class: 'notice'},
    el('p', {class: 'notice-title'}, 'No stories yet.'),
    el('p', null, 'Add articles with ', el('code', null, 'storydesk ingest'), ', then reload this page.'));
}

function storyItem(story, matches) {
  const id = story.id;
  const titleId = `story-${id}-title`;
  const headline = story.headline || `Story ${id}`;
  const articles = Number(story.articles) || 0;
  const sourceCount = Number(story.sources) || 0;
  const copies = Number(story.copies) || 0;
  const names = Array.isArray(story.source_names) ? story.source_names.filter(Boolean) : [];
  const SHOWN_NAMES = 6;

  const meta = el('p', {class: 'story-meta'},
    dateRange(story.first_published, story.last_published),
    el('span', null, plural(articles, 'article')),
    el('span', null, plural(sourceCount, 'source')),
    copies > 0 ? el('span', {class: 'badge badge-copy'}, plural(copies, 'copy', 'copies')) : null,
    Number(story.storyline_events) > 1
      ? el('a', {class: 'storyline-link', href: storylineHash(story.storyline)},
        `One of ${story.storyline_events} events of a storyline`)
      : null);

  let sources = null;
  if (names.length) {
    const shown = names.slice(0, SHOWN_NAMES).join(', ');
    const rest = names.length - SHOWN_NAMES;
    sources = el('p', {class: 'story-sources'},
      el('span', {class: 'label'}, 'Sources: '), shown, rest > 0 ? ` and ${rest} more` : '');
  }

  let found = null;
  if (Array.isArray(matches) && matches.length) {
    found = el('ul', {class: 'matches', 'aria-label': 'Matching passages'},
      matches.slice(0, 3).map((m) => el('li', null,
        m.title ? el('span', {class: 'match-title'}, `${m.title}: `) : null,
        el('span', {class: 'match-snippet'}, m.snippet || ''))));
  }

  return el('li', {class: 'story-item'},
    el('article', {class: 'story-card', 'aria-labelledby': titleId},
      el('div', {class: 'story-text'},
        el('h2', {class: 'story-title', id: titleId},
          el('a', {href: storyHash(id), onclick: () => { memory.lastStoryId = String(id); }}, headline)),
        meta, sources, found),
      activityChart(story.activity, 'Articles over time')));
}
