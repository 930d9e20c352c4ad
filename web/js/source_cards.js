// The story page's source cards: each article's outlet, date, relation (original or copy),
// what it adds and leaves out, and its text on demand.
import {api} from './api.js';
import {UNKNOWN_SOURCE, list} from './digest.js';
import {el} from './dom.js';
import {timeEl} from './format.js';
import {emptyNote, errorBox} from './notices.js';
import {setStatus} from './page.js';
import {storyHash} from './router.js';

const RELATION_WORDS = {
  exact: 'Exact copy of',
  near: 'Near copy of',
  excerpt: 'Excerpt of',
  rewrite: 'Rewrite of',
};

export function renderSources(d, ctx) {
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
