// The story page (#/story/ID): loads the digest, renders its header and sections, and moves to
// a source card when a [N] marker is followed.
import {activityChart} from './activity_chart.js';
import {ApiError, api} from './api.js';
import {normaliseDigest} from './digest.js';
import {el} from './dom.js';
import {dateParts, dateRange, dayNumber, plural} from './format.js';
import {memory} from './memory.js';
import {emptyNote, errorBox} from './notices.js';
import {begin, focusHeading, isCurrent, setState, setStatus, view} from './page.js';
import {parseHash, route} from './router.js';
import {renderSources} from './source_cards.js';
import {renderBullets, renderEntities, renderQuotes, renderTimeline, renderUnplaced} from './story_sections.js';

export async function showStory(r, hash) {
  const {token, signal} = begin(hash);
  memory.lastStoryId = r.id;
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
  memory.currentStory = {id: r.id, data: digest};
  document.title = `${digest.headline} — storydesk`;
  view.replaceChildren(back, renderStory(digest));
  setState('ready');
  setStatus(`Story loaded: ${digest.headline}.`);
  if (r.source) focusSource(r.source); else focusHeading();
}

function backLink() {
  const filters = parseHash(memory.listHash);
  let label = 'All stories';
  if (filters.name === 'list' && filters.q) label = `Stories matching “${filters.q}”`;
  else if (filters.name === 'list' && (filters.since || filters.until)) label = 'Stories in the chosen dates';
  return el('nav', {class: 'crumbs', 'aria-label': 'Breadcrumb'},
    el('a', {href: memory.listHash, class: 'back-link', id: 'back-link'},
      el('span', {'aria-hidden': 'true'}, '← '), label));
}

function renderStory(d) {
  const index = new Map(d.articles.map((a, i) => [a.id, i + 1]));
  const ctx = {story: d, index, storyId: memory.currentStory.id};
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
      : emptyNote('No dated events identified yet.'), renderUnplaced(d.timeline_unplaced, ctx)),
    section('sources', 'Sources', d.articles.length ? renderSources(d, ctx)
      : emptyNote('No articles.')));
}

function section(id, title, ...content) {
  return el('section', {class: `story-section section-${id}`, id: `section-${id}`, 'aria-labelledby': `${id}-title`},
    el('h2', {id: `${id}-title`}, title), content);
}

// Moves to source card N (the target of a [N] marker) and flashes it; to the heading if there is none.
export function focusSource(n) {
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
