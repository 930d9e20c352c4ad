// storydesk browser page: the story list and each story's digest, read from the JSON API of
// `storydesk serve`. Plain ES2020, no framework, no build step.
//
// Routes (hash routing, so the server only ever serves one page):
//   #/                      the story list; #/?q=TEXT&since=YYYY-MM-DD&until=YYYY-MM-DD filters it
//   #/story/ID              a story's digest
//   #/story/ID/source/N     the same, scrolled to source N (the target of the [N] markers)
//
// Every string from the API reaches the page through textContent or an attribute set with
// setAttribute (see el()); nothing from the API is ever parsed as HTML.
'use strict';

(() => {
  const PAGE_SIZE = 20;
  // How every view names an article whose source is not known (the API gives null).
  const UNKNOWN_SOURCE = 'unknown source';
  const SEARCH_SNIPPET_LIMIT = 50;
  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
    'September', 'October', 'November', 'December'];
  const RELATION_WORDS = {
    exact: 'Exact copy of',
    near: 'Near copy of',
    excerpt: 'Excerpt of',
    rewrite: 'Rewrite of',
  };
  const ENTITY_TYPES = {
    person: 'Person',
    organization: 'Organization',
    place: 'Place',
    other: 'Other',
  };
  const SVG_NS = 'http://www.w3.org/2000/svg';

  const view = document.getElementById('view');
  const main = document.getElementById('main');
  const statusEl = document.getElementById('status');

  // The list route last shown, so "Back to stories" keeps the search and dates.
  let listHash = validListHash(readSession('storydesk.listHash'));
  let lastStoryId = null;       // focused again when going back to the list
  let currentStory = null;      // {id, data} of the story on screen
  let controller = null;        // aborts the fetches of a view left behind
  let renderToken = 0;          // a view whose token is stale drops its results
  let firstRender = true;       // the first view does not steal focus from the page top

  // ---------------------------------------------------------------------------------------
  // DOM helpers

  // el('a', {href: '#/', class: 'x'}, 'text', child, [more, children]) — attributes are set
  // with setAttribute (never innerHTML); strings become text nodes; null/false are skipped.
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  function svgEl(tag, attrs, ...children) {
    const node = document.createElementNS(SVG_NS, tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  function setAttrs(node, attrs) {
    if (!attrs) return;
    for (const [key, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      if (key.startsWith('on') && typeof value === 'function') {
        node.addEventListener(key.slice(2), value);
      } else if (key === 'text') {
        node.textContent = String(value);
      } else {
        node.setAttribute(key, value === true ? '' : String(value));
      }
    }
  }

  function append(node, children) {
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }

  function plural(n, one, many) {
    return `${n} ${n === 1 ? one : (many || `${one}s`)}`;
  }

  function readSession(key) {
    try { return sessionStorage.getItem(key); } catch (_) { return null; }
  }

  function writeSession(key, value) {
    try { sessionStorage.setItem(key, value); } catch (_) { /* private mode: keep it in memory */ }
  }

  function validListHash(hash) {
    return typeof hash === 'string' && /^#\/(\?|$)/.test(hash) ? hash : '#/';
  }

  function setStatus(message) {
    statusEl.textContent = message;
  }

  function setState(state) {
    view.dataset.state = state;
    view.setAttribute('aria-busy', state === 'loading' ? 'true' : 'false');
  }

  // Moves focus to the new view's heading, so keyboard and screen reader users start there.
  function focusHeading() {
    if (firstRender) return;
    const heading = document.getElementById('view-title');
    if (heading) heading.focus();
  }

  // ---------------------------------------------------------------------------------------
  // Dates

  // "2021-08-23" (or a datetime) -> {y, m, d}; a "YYYY" or "YYYY-MM" gives fewer parts.
  function dateParts(text) {
    if (typeof text !== 'string') return null;
    const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(text);
    if (!m) return null;
    const parts = {y: Number(m[1]), m: m[2] ? Number(m[2]) : null, d: m[3] ? Number(m[3]) : null};
    if (parts.m !== null && (parts.m < 1 || parts.m > 12)) return null;
    return parts;
  }

  // Human form of a date: "23 Aug 2021" (short) or "23 August 2021", "August 2021", "2021".
  function formatDate(text, precision, long) {
    const p = dateParts(text);
    if (!p) return text || '';
    const month = (i) => (long ? MONTHS[i - 1] : MONTHS[i - 1].slice(0, 3));
    if (precision === 'year' || p.m === null) return String(p.y);
    if (precision === 'month' || p.d === null) return `${month(p.m)} ${p.y}`;
    return `${p.d} ${month(p.m)} ${p.y}`;
  }

  function timeEl(text, precision, long) {
    const p = dateParts(text);
    return el('time', {datetime: p ? text.slice(0, precision === 'year' ? 4 : precision === 'month' ? 7 : 10) : null},
      formatDate(text, precision, long));
  }

  function dateRange(first, last) {
    if (!first && !last) return el('span', null, 'Undated');
    if (!first || !last || first.slice(0, 10) === last.slice(0, 10)) {
      return el('span', null, timeEl(first || last));
    }
    return el('span', null, timeEl(first), ' – ', timeEl(last));
  }

  function dayNumber(text) {
    const p = dateParts(text);
    if (!p || p.m === null || p.d === null) return null;
    return Math.round(Date.UTC(p.y, p.m - 1, p.d) / 86400000);
  }

  function dayText(day) {
    return new Date(day * 86400000).toISOString().slice(0, 10);
  }

  // ---------------------------------------------------------------------------------------
  // API

  class ApiError extends Error {
    constructor(message, status, code) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }

  async function api(path, signal) {
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

  function query(params) {
    const p = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
      if (value !== null && value !== undefined && value !== '') p.set(key, String(value));
    }
    const text = p.toString();
    return text ? `?${text}` : '';
  }

  // ---------------------------------------------------------------------------------------
  // Routing

  function parseHash(hash) {
    const text = hash.replace(/^#/, '') || '/';
    const cut = text.indexOf('?');
    const path = cut < 0 ? text : text.slice(0, cut);
    const params = new URLSearchParams(cut < 0 ? '' : text.slice(cut + 1));
    const story = /^\/story\/(\d+)(?:\/source\/(\d+))?\/?$/.exec(path);
    if (story) {
      return {name: 'story', id: story[1], source: story[2] ? Number(story[2]) : null};
    }
    if (path === '/' || path === '') {
      return {
        name: 'list',
        q: (params.get('q') || '').trim(),
        since: params.get('since') || '',
        until: params.get('until') || '',
      };
    }
    return {name: 'notfound', path};
  }

  function listHashFor(filters) {
    return `#/${query({q: filters.q, since: filters.since, until: filters.until})}`;
  }

  function storyHash(id, source) {
    const story = encodeURIComponent(String(id));
    return source ? `#/story/${story}/source/${source}` : `#/story/${story}`;
  }

  function begin(hash) {
    if (controller) controller.abort();
    controller = new AbortController();
    renderToken += 1;
    view.dataset.route = hash;
    setState('loading');
    return {token: renderToken, signal: controller.signal};
  }

  function isCurrent(token) {
    return token === renderToken;
  }

  function route() {
    const hash = location.hash || '#/';
    if (hash === '#main') return;  // the skip link without JavaScript's help: nothing to route
    const r = parseHash(hash);
    if (r.name === 'story' && currentStory && currentStory.id === r.id && view.dataset.state === 'ready') {
      // Same story: only a marker was followed; move to the source without reloading.
      view.dataset.route = hash;
      focusSource(r.source);
      return;
    }
    currentStory = null;
    window.scrollTo(0, 0);
    const run = r.name === 'list' ? showList(r, hash)
      : r.name === 'story' ? showStory(r, hash)
        : Promise.resolve(showNotFound(hash));
    run.catch((e) => {
      if (e && e.name === 'AbortError') return;
      showFailure('Something went wrong while showing this page.', e);
    }).finally(() => { firstRender = false; });
  }

  // ---------------------------------------------------------------------------------------
  // Shared pieces

  // A small bar chart of articles per day (bucketed for long stories), with a text alternative.
  function activityChart(activity, label) {
    const days = new Map();
    for (const item of Array.isArray(activity) ? activity : []) {
      const day = dayNumber(item && item.date);
      const count = Number(item && item.articles) || 0;
      if (day === null || count <= 0) continue;
      days.set(day, (days.get(day) || 0) + count);
    }
    if (days.size === 0) {
      return el('p', {class: 'activity activity-none'}, 'No dated articles.');
    }
    const sorted = [...days.entries()].sort((a, b) => a[0] - b[0]);
    const alt = activityText(sorted);

    const MIN_SPAN = 7;
    const MAX_BARS = 45;
    let start = sorted[0][0];
    let end = sorted[sorted.length - 1][0];
    let span = end - start + 1;
    if (span < MIN_SPAN) {
      start -= Math.floor((MIN_SPAN - span) / 2);
      end = start + MIN_SPAN - 1;
      span = MIN_SPAN;
    }
    const perBar = Math.ceil(span / MAX_BARS);
    const bars = Math.ceil(span / perBar);
    const counts = new Array(bars).fill(0);
    for (const [day, count] of sorted) counts[Math.floor((day - start) / perBar)] += count;
    const most = Math.max(...counts);

    const width = 180;
    const height = 40;
    const slot = width / bars;
    const gap = slot > 4 ? 1 : 0;
    const svg = svgEl('svg', {
      class: 'activity-chart', viewBox: `0 0 ${width} ${height}`, role: 'img',
      'aria-label': `${label}: ${alt}`, preserveAspectRatio: 'none', focusable: 'false',
    });
    svg.append(svgEl('title', {text: `${label}: ${alt}`}));
    svg.append(svgEl('line', {class: 'baseline', x1: 0, x2: width, y1: height - 0.5, y2: height - 0.5}));
    counts.forEach((count, i) => {
      if (count === 0) return;
      const h = Math.max(3, (count / most) * (height - 2));
      const first = start + i * perBar;
      const when = perBar === 1 ? dayText(first) : `${dayText(first)} to ${dayText(Math.min(first + perBar - 1, end))}`;
      svg.append(svgEl('rect', {
        x: (i * slot + gap / 2).toFixed(2), y: (height - h).toFixed(2),
        width: Math.max(0.8, slot - gap).toFixed(2), height: h.toFixed(2), rx: slot > 6 ? 1 : 0,
      }, svgEl('title', {text: `${plural(count, 'article')} on ${when}`})));
    });
    return el('figure', {class: 'activity'},
      svg,
      el('figcaption', {class: 'activity-axis', 'aria-hidden': 'true'},
        el('span', null, formatDate(dayText(start))),
        el('span', null, formatDate(dayText(end)))));
  }

  // "3 articles on 2021-08-23, 1 on 2021-08-24" (the first dozen days, then a total).
  function activityText(sorted) {
    const SHOWN = 12;
    const parts = sorted.slice(0, SHOWN).map(([day, count], i) =>
      (i === 0 ? `${plural(count, 'article')} on ${dayText(day)}` : `${count} on ${dayText(day)}`));
    if (sorted.length > SHOWN) {
      const rest = sorted.slice(SHOWN);
      const total = rest.reduce((sum, [, count]) => sum + count, 0);
      parts.push(`and ${total} more over ${plural(rest.length, 'more day')} until ${dayText(rest[rest.length - 1][0])}`);
    }
    return parts.join(', ');
  }

  function errorBox(title, error, retry) {
    const detail = error instanceof ApiError ? error.message
      : (error && error.message ? `${error.message}` : 'Unknown error.');
    return el('div', {class: 'notice notice-error', role: 'alert'},
      el('p', {class: 'notice-title'}, title),
      el('p', null, detail),
      retry ? el('button', {type: 'button', class: 'button', onclick: retry}, 'Try again') : null);
  }

  function showFailure(title, error) {
    setState('error');
    setStatus(title);
    view.replaceChildren(
      el('h1', {id: 'view-title', tabindex: '-1'}, 'Something went wrong'),
      errorBox(title, error, () => route()),
      el('p', null, el('a', {href: listHash}, 'Back to the stories')));
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

  // ---------------------------------------------------------------------------------------
  // The story list

  async function showList(filters, hash) {
    const {token, signal} = begin(hash);
    listHash = hash;
    writeSession('storydesk.listHash', hash);
    const filtered = Boolean(filters.q || filters.since || filters.until);
    document.title = filters.q ? `“${filters.q}” — storydesk` : 'Stories — storydesk';

    const list = el('ol', {class: 'story-list', id: 'story-list'});
    const more = el('div', {class: 'more'});
    const results = el('div', {class: 'results'});
    view.replaceChildren(
      el('h1', {id: 'view-title', tabindex: '-1'}, 'Stories'),
      filterForm(filters),
      results);
    setStatus(filters.q ? `Searching stories for “${filters.q}”…` : 'Loading stories…');
    results.append(el('p', {class: 'loading'}, 'Loading stories…'));

    const params = {q: filters.q, since: filters.since, until: filters.until, limit: PAGE_SIZE};
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
      const what = filters.q ? ` matching “${filters.q}”` : '';
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
    if (!firstRender) {
      const href = lastStoryId ? storyHash(lastStoryId) : null;
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
      copies > 0 ? el('span', {class: 'badge badge-copy'}, plural(copies, 'copy', 'copies')) : null);

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
            el('a', {href: storyHash(id), onclick: () => { lastStoryId = String(id); }}, headline)),
          meta, sources, found),
        activityChart(story.activity, 'Articles over time')));
  }

  // ---------------------------------------------------------------------------------------
  // The story page

  async function showStory(r, hash) {
    const {token, signal} = begin(hash);
    lastStoryId = r.id;
    document.title = `Story ${r.id} — storydesk`;
    const back = backLink();
    view.replaceChildren(back, el('h1', {id: 'view-title', tabindex: '-1'}, `Story ${r.id}`),
      el('p', {class: 'loading'}, 'Loading the story…'));
    setStatus('Loading the story…');

    let data;
    try {
      data = await api(`/api/stories/${encodeURIComponent(r.id)}`, signal);
    } catch (e) {
      if (e.name === 'AbortError' || !isCurrent(token)) return;
      const missing = e instanceof ApiError && e.status === 404;
      const title = missing ? `There is no story ${r.id}.` : 'The story could not be loaded.';
      view.replaceChildren(back, el('h1', {id: 'view-title', tabindex: '-1'}, missing ? 'Story not found' : `Story ${r.id}`),
        errorBox(title, e, missing ? null : () => route()));
      setState('error');
      setStatus(title);
      focusHeading();
      return;
    }
    if (!isCurrent(token)) return;

    const digest = normaliseDigest(data, r.id);
    currentStory = {id: r.id, data: digest};
    document.title = `${digest.headline} — storydesk`;
    view.replaceChildren(back, renderStory(digest));
    setState('ready');
    setStatus(`Story loaded: ${digest.headline}.`);
    if (r.source) focusSource(r.source); else focusHeading();
  }

  function backLink() {
    const filters = parseHash(listHash);
    let label = 'All stories';
    if (filters.name === 'list' && filters.q) label = `Stories matching “${filters.q}”`;
    else if (filters.name === 'list' && (filters.since || filters.until)) label = 'Stories in the chosen dates';
    return el('nav', {class: 'crumbs', 'aria-label': 'Breadcrumb'},
      el('a', {href: listHash, class: 'back-link', id: 'back-link'},
        el('span', {'aria-hidden': 'true'}, '← '), label));
  }

  function list(value) {
    return Array.isArray(value) ? value : [];
  }

  // Fills in what a partial or older digest lacks, so rendering never trips on a missing list.
  function normaliseDigest(data, id) {
    const articles = list(data.articles).filter((a) => a && a.id !== undefined && a.id !== null)
      .map((a) => ({...a, id: String(a.id)}));
    return {
      story: data.story ?? id,
      headline: data.headline || `Story ${id}`,
      first_published: data.first_published || null,
      last_published: data.last_published || null,
      articles,
      // The story's size: more than `articles` when the digest was made from a sample of it.
      article_count: Math.max(Number(data.article_count) || 0, articles.length),
      bullets: list(data.bullets),
      entities: list(data.entities),
      quotes: list(data.quotes),
      timeline: list(data.timeline),
      sources: list(data.sources),
    };
  }

  function renderStory(d) {
    const index = new Map(d.articles.map((a, i) => [a.id, i + 1]));
    const ctx = {story: d, index, storyId: currentStory.id};
    const names = new Set(d.articles.map((a) => a.source).filter(Boolean));
    const copies = d.articles.filter((a) => a.relation && a.relation !== 'original').length;
    const activity = new Map();
    for (const a of d.articles) {
      const day = dateParts(a.published) && a.published.slice(0, 10);
      if (day && dayNumber(day) !== null) activity.set(day, (activity.get(day) || 0) + 1);
    }

    const header = el('header', {class: 'story-header'},
      el('div', {class: 'story-text'},
        el('h1', {id: 'view-title', tabindex: '-1'}, d.headline),
        el('p', {class: 'story-meta'},
          dateRange(d.first_published, d.last_published),
          el('span', null, plural(d.article_count, 'article')),
          el('span', null, plural(names.size, 'source')),
          copies > 0 ? el('span', {class: 'badge badge-copy'}, plural(copies, 'copy', 'copies')) : null),
        d.article_count > d.articles.length
          ? el('p', {class: 'story-sample'}, `This summary was made from ${d.articles.length} of the story's ` +
              `${d.article_count} articles: each outlet's first, then a spread over time. Sources below are that sample.`)
          : null,
        names.size ? el('p', {class: 'story-sources'}, el('span', {class: 'label'}, 'Sources: '), [...names].join(', ')) : null),
      activityChart([...activity].map(([date, articles]) => ({date, articles})), 'Articles over time'));

    return el('article', {class: 'story'},
      header,
      section('summary', 'Summary', d.bullets.length ? renderBullets(d.bullets, ctx)
        : emptyNote('No summary points yet.')),
      section('people', 'People', d.entities.length ? renderEntities(d.entities, ctx)
        : emptyNote('No people identified yet.')),
      section('quotes', 'Quotes', d.quotes.length ? renderQuotes(d.quotes, ctx)
        : emptyNote('No quotes identified yet.')),
      section('timeline', 'Timeline', d.timeline.length ? renderTimeline(d.timeline, ctx)
        : emptyNote('No dated events identified yet.')),
      section('sources', 'Sources', d.articles.length ? renderSources(d, ctx)
        : emptyNote('No articles.')));
  }

  function section(id, title, ...content) {
    return el('section', {class: `story-section section-${id}`, id: `section-${id}`, 'aria-labelledby': `${id}-title`},
      el('h2', {id: `${id}-title`}, title), content);
  }

  function emptyNote(text) {
    return el('p', {class: 'empty-note'}, text);
  }

  // [1] [2] … links to the source cards; numbers are positions in the digest's articles.
  function markers(ids, ctx) {
    const items = [];
    const seen = new Set();
    for (const raw of list(ids)) {
      const id = String(raw);
      if (seen.has(id)) continue;
      seen.add(id);
      const n = ctx.index.get(id);
      if (!n) {
        items.push(el('span', {class: 'marker marker-unknown', title: `Article ${id} (not in this story)`}, '[?]'));
        continue;
      }
      const article = ctx.story.articles[n - 1];
      items.push(el('a', {class: 'marker', href: storyHash(ctx.storyId, n),
        'aria-label': `Source ${n}: ${article.source || UNKNOWN_SOURCE}`, title: article.source || id}, `[${n}]`));
    }
    if (!items.length) return null;
    return el('span', {class: 'markers'}, items);
  }

  function renderBullets(bullets, ctx) {
    return el('ul', {class: 'bullets'}, bullets.map((b) => el('li', null,
      el('span', {class: 'bullet-text'}, b.text || ''), ' ', markers(b.sources, ctx))));
  }

  function renderEntities(entities, ctx) {
    const sorted = [...entities].sort((a, b) => (Number(b.mentions) || 0) - (Number(a.mentions) || 0));
    return el('ul', {class: 'entities'}, sorted.map((e) => {
      const type = ENTITY_TYPES[e.type] ? e.type : 'other';
      const roles = list(e.roles).filter(Boolean);
      const aliases = list(e.aliases).filter(Boolean);
      const mentions = Number(e.mentions) || 0;
      const arts = list(e.articles);
      return el('li', {class: 'entity'},
        el('p', {class: 'entity-name'}, el('strong', null, e.name || 'Unnamed'), ' ',
          el('span', {class: `badge badge-${type}`}, ENTITY_TYPES[type])),
        roles.length ? el('p', {class: 'entity-roles'}, roles.join('; ')) : null,
        aliases.length ? el('p', {class: 'entity-aliases'}, el('span', {class: 'label'}, 'Also called: '), aliases.join(', ')) : null,
        el('p', {class: 'entity-mentions'},
          `${plural(mentions, 'mention')}${arts.length ? ` in ${plural(arts.length, 'article')} ` : ''}`,
          markers(arts, ctx)));
    }));
  }

  function renderQuotes(quotes, ctx) {
    return el('ul', {class: 'quotes'}, quotes.map((q) => {
      const direct = q.kind !== 'indirect';
      const variants = list(q.variants).filter((v) => v && v.article !== undefined);
      const text = q.text || '';
      return el('li', {class: `quote quote-${direct ? 'direct' : 'indirect'}`},
        el('figure', null,
          el('blockquote', null, el('p', null, direct ? `“${text}”` : text)),
          el('figcaption', null,
            el('span', {class: 'speaker'}, q.speaker ? `— ${q.speaker}` : '— Speaker not identified'), ' ',
            el('span', {class: 'badge'}, direct ? 'Direct quote' : 'Reported speech'), ' ',
            markers(variants.map((v) => v.article), ctx))),
        variants.length ? el('div', {class: 'variants'},
          el('p', {class: 'variants-title'}, variants.length === 1 ? 'As one source words it:' : `As ${variants.length} sources word it:`),
          el('ul', null, variants.map((v) => {
            const n = ctx.index.get(String(v.article));
            const article = n ? ctx.story.articles[n - 1] : null;
            const same = (v.text || '') === text;
            return el('li', null, markers([v.article], ctx), ' ',
              el('span', {class: 'variant-source'}, article ? `${article.source || UNKNOWN_SOURCE}: ` : ''),
              same ? el('span', {class: 'variant-same'}, 'the same wording')
                : el('q', {class: 'variant-text'}, v.text || ''));
          }))) : null);
    }));
  }

  function renderTimeline(timeline, ctx) {
    const events = timeline.map((t, i) => ({t, i}))
      .sort((a, b) => String(a.t.date || '').localeCompare(String(b.t.date || '')) || a.i - b.i)
      .map(({t}) => t);
    return el('ol', {class: 'timeline'}, events.map((t) => {
      const precision = ['year', 'month', 'day'].includes(t.precision) ? t.precision : null;
      const expression = t.expression && t.expression !== t.date ? t.expression : null;
      return el('li', null,
        el('p', {class: 'timeline-date'}, t.date ? timeEl(t.date, precision, true) : 'Undated'),
        el('div', {class: 'timeline-event'},
          el('p', null, t.text || ''),
          el('p', {class: 'timeline-source'},
            expression ? el('span', null, 'Written as ', el('q', null, expression), ' ') : null,
            markers(t.articles, ctx))));
    }));
  }

  function renderSources(d, ctx) {
    const points = new Map(d.sources.filter((s) => s && s.article !== undefined).map((s) => [String(s.article), s]));
    return el('ol', {class: 'source-grid'}, d.articles.map((a, i) => {
      const n = i + 1;
      const copy = a.relation && a.relation !== 'original';
      const p = points.get(a.id) || {adds: [], lacks: []};
      const adds = list(p.adds);
      const lacks = list(p.lacks);
      return el('li', {class: `source-card${copy ? ' source-copy' : ''}`, id: `source-${n}`, tabindex: '-1',
        'aria-labelledby': `source-${n}-title`},
        el('h3', {id: `source-${n}-title`}, el('span', {class: 'source-number'}, `[${n}]`), ' ', a.source || UNKNOWN_SOURCE),
        el('p', {class: 'source-article-title'}, a.title || el('span', {class: 'muted'}, 'No title')),
        el('p', {class: 'source-date'}, a.published ? timeEl(a.published) : 'Undated'),
        relationLine(a, ctx),
        el('p', {class: 'source-id'}, el('span', {class: 'label'}, 'Article '), el('code', null, a.id)),
        el('h4', null, 'Adds'),
        adds.length ? el('ul', {class: 'points points-adds'}, adds.map((t) => el('li', null, t)))
          : emptyNote(copy ? 'Nothing beyond what it copies.' : 'No point found that only this source makes.'),
        el('h4', null, 'Leaves out'),
        lacks.length ? el('ul', {class: 'points points-lacks'}, lacks.map((t) => el('li', null, t)))
          : emptyNote('No central point found missing.'),
        articleReader(a, n));
    }));
  }

  function relationLine(a, ctx) {
    const relation = a.relation || 'original';
    if (relation === 'original') {
      return el('p', {class: 'relation'}, el('span', {class: 'badge badge-original'}, 'Original'));
    }
    const words = RELATION_WORDS[relation] || `Copy (${relation}) of`;
    const of = a.copy_of ? String(a.copy_of) : null;
    const n = of ? ctx.index.get(of) : null;
    return el('p', {class: 'relation'},
      el('span', {class: `badge badge-copy badge-${relation}`}, words, ' ', of ? el('code', null, of) : 'an unknown article'),
      n ? [' ', el('a', {href: storyHash(ctx.storyId, n), 'aria-label': `See source ${n}, the original`}, `see [${n}]`)] : null);
  }

  // "Read the article" fetches /api/articles/ID on demand and shows its text in the card.
  function articleReader(a, n) {
    const panelId = `source-${n}-text`;
    const panel = el('div', {class: 'article-text', id: panelId, hidden: true});
    const button = el('button', {type: 'button', class: 'button button-quiet', 'aria-expanded': 'false', 'aria-controls': panelId},
      'Read the article');
    let loaded = false;
    button.addEventListener('click', async () => {
      const open = button.getAttribute('aria-expanded') === 'true';
      if (open) {
        panel.hidden = true;
        button.setAttribute('aria-expanded', 'false');
        button.textContent = 'Read the article';
        return;
      }
      panel.hidden = false;
      button.setAttribute('aria-expanded', 'true');
      button.textContent = 'Hide the article';
      if (loaded) return;
      panel.replaceChildren(el('p', {class: 'loading'}, 'Loading the article…'));
      setStatus('Loading the article…');
      try {
        const article = await api(`/api/articles/${encodeURIComponent(a.id)}`);
        loaded = true;
        panel.replaceChildren(...articleBody(article));
        setStatus('Article loaded.');
      } catch (e) {
        panel.replaceChildren(errorBox('The article could not be loaded.', e, null));
        setStatus('The article could not be loaded.');
      }
    });
    return el('div', {class: 'reader'}, button, panel);
  }

  function articleBody(article) {
    const nodes = [];
    const paragraphs = String(article.text || '').split(/\n\s*\n|\n/).map((t) => t.trim()).filter(Boolean);
    if (!paragraphs.length) nodes.push(emptyNote('No text stored.'));
    for (const text of paragraphs) nodes.push(el('p', null, text));
    const url = safeUrl(article.url);
    if (url) {
      nodes.push(el('p', {class: 'article-link'},
        el('a', {href: url, rel: 'noopener noreferrer external'}, `Original at ${url.host}`)));
    }
    return nodes;
  }

  // Only http(s) links from the data become links (never javascript: or data: URLs).
  function safeUrl(text) {
    if (typeof text !== 'string' || !text) return null;
    try {
      const url = new URL(text);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
    } catch (_) {
      return null;
    }
  }

  function focusSource(n) {
    const target = n ? document.getElementById(`source-${n}`) : null;
    if (!target) { focusHeading(); return; }
    target.classList.remove('flash');
    void target.offsetWidth;  // restart the highlight animation
    target.classList.add('flash');
    target.focus({preventScroll: true});
    target.scrollIntoView({block: 'start', behavior: prefersReducedMotion() ? 'auto' : 'smooth'});
  }

  function prefersReducedMotion() {
    return window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  }

  // ---------------------------------------------------------------------------------------
  // Start

  // The skip link moves focus into the page without touching the route in the hash.
  document.querySelector('.skip-link').addEventListener('click', (event) => {
    event.preventDefault();
    main.focus();
    main.scrollIntoView();
  });
  window.addEventListener('hashchange', route);
  route();
})();
