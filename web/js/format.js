// Formatting for people: counted nouns ("3 articles") and dates ("23 Aug 2021", <time>
// elements, ranges), and the day numbers the activity charts count in.
import {el} from './dom.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];

export function plural(n, one, many) {
  return `${n} ${n === 1 ? one : (many || `${one}s`)}`;
}

// "2021-08-23" (or a datetime) -> {y, m, d}; a "YYYY" or "YYYY-MM" gives fewer parts.
export function dateParts(text) {
  if (typeof text !== 'string') return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(text);
  if (!m) return null;
  const parts = {y: Number(m[1]), m: m[2] ? Number(m[2]) : null, d: m[3] ? Number(m[3]) : null};
  if (parts.m !== null && (parts.m < 1 || parts.m > 12)) return null;
  return parts;
}

// Human form of a date: "23 Aug 2021" (short) or "23 August 2021", "August 2021", "2021".
export function formatDate(text, precision, long) {
  const p = dateParts(text);
  if (!p) return text || '';
  const month = (i) => (long ? MONTHS[i - 1] : MONTHS[i - 1].slice(0, 3));
  if (precision === 'year' || p.m === null) return String(p.y);
  if (precision === 'month' || p.d === null) return `${month(p.m)} ${p.y}`;
  return `${p.d} ${month(p.m)} ${p.y}`;
}

export function timeEl(text, precision, long) {
  const p = dateParts(text);
  return el('time', {datetime: p ? text.slice(0, precision === 'year' ? 4 : precision === 'month' ? 7 : 10) : null},
    formatDate(text, precision, long));
}

export function dateRange(first, last) {
  if (!first && !last) return el('span', null, 'Undated');
  if (!first || !last || first.slice(0, 10) === last.slice(0, 10)) {
    return el('span', null, timeEl(first || last));
  }
  return el('span', null, timeEl(first), ' – ', timeEl(last));
}

export function dayNumber(text) {
  const p = dateParts(text);
  if (!p || p.m === null || p.d === null) return null;
  return Math.round(Date.UTC(p.y, p.m - 1, p.d) / 86400000);
}

export function dayText(day) {
  return new Date(day * 86400000).toISOString().slice(0, 10);
}
