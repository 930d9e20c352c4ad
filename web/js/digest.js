// The story digest as the views use it: normaliseDigest() fills in what an older or partial
// digest from the API lacks.

// How every view names an article whose source is not known (the API gives null).
export const UNKNOWN_SOURCE = 'unknown source';

// The value if it is an array, else [] (a digest may lack any of its lists).
export function list(value) {
  return Array.isArray(value) ? value : [];
}

// Fills in what a partial or older digest lacks, so rendering never trips on a missing list.
export function normaliseDigest(data, id) {
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
    // Undated articles whose relative dates ("on Tuesday") the timeline cannot place.
    timeline_unplaced: list(data.timeline_unplaced).map(String),
    sources: list(data.sources),
  };
}
