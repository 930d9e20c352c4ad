// The story page's summary, people, quotes and timeline sections, with the [N] markers that
// link each point to its source card.
import {UNKNOWN_SOURCE, list} from './digest.js';
import {el} from './dom.js';
import {plural, timeEl} from './format.js';
import {listHashFor, storyHash} from './router.js';

const ENTITY_TYPES = {
  person: 'Person',
  organization: 'Organization',
  place: 'Place',
  other: 'Other',
};

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

export function renderBullets(bullets, ctx) {
  return el('ul', {class: 'bullets'}, bullets.map((b) => el('li', null,
    el('span', {class: 'bullet-text'}, b.text || ''), ' ', markers(b.sources, ctx))));
}

export function renderEntities(entities, ctx) {
  // People first, then organisations, places and other names; the most mentioned first in each.
  const rank = (e) => ['person', 'organization', 'place'].indexOf(e.type) >>> 0;
  const sorted = [...entities].sort((a, b) => rank(a) - rank(b) || (Number(b.mentions) || 0) - (Number(a.mentions) || 0));
  return el('ul', {class: 'entities'}, sorted.map((e) => {
    const type = ENTITY_TYPES[e.type] ? e.type : 'other';
    const roles = list(e.roles).filter(Boolean);
    const aliases = list(e.aliases).filter(Boolean);
    const mentions = Number(e.mentions) || 0;
    const arts = list(e.articles);
    return el('li', {class: 'entity'},
      el('p', {class: 'entity-name'},
        el('strong', null, e.name
          ? el('a', {href: listHashFor({entity: e.name}), title: `Stories naming ${e.name}`}, e.name)
          : 'Unnamed'), ' ',
        el('span', {class: `badge badge-${type}`}, ENTITY_TYPES[type])),
      roles.length ? el('p', {class: 'entity-roles'}, roles.join('; ')) : null,
      aliases.length ? el('p', {class: 'entity-aliases'}, el('span', {class: 'label'}, 'Also called: '), aliases.join(', ')) : null,
      el('p', {class: 'entity-mentions'},
        `${plural(mentions, 'mention')}${arts.length ? ` in ${plural(arts.length, 'article')} ` : ''}`,
        markers(arts, ctx)));
  }));
}

export function renderQuotes(quotes, ctx) {
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
      variants.length > 1 ? el('div', {class: 'variants'},
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

// "year", "month" or "day" for a TIMEX3 calendar value ("2021", "2021-08", "2021-08-16").
function precisionOf(date) {
  return {4: 'year', 7: 'month', 10: 'day'}[String(date).length] || null;
}

// The note under the timeline naming the undated articles whose relative dates it cannot place.
export function renderUnplaced(unplaced, ctx) {
  if (!unplaced || !unplaced.length) return null;
  return el('p', {class: 'timeline-unplaced'},
    'Not on the timeline: the relative dates (\u201con Tuesday\u201d) of ',
    unplaced.length === 1 ? 'an article that gives no publication date ' : 'articles that give no publication date ',
    markers(unplaced, ctx));
}

export function renderTimeline(timeline, ctx) {
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
          markers(t.articles, ctx)),
        (t.conflicts || []).map((c) => el('p', {class: 'timeline-conflict'},
          'Sources differ: ', markers(c.articles, ctx), ' ',
          (c.articles || []).length === 1 ? 'dates this ' : 'date this ',
          c.date ? timeEl(c.date, precisionOf(c.date), true) : 'otherwise'))));
  }));
}
