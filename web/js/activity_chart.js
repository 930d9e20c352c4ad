// The activity chart beside each story in the list and on its page.
import {el, svgEl} from './dom.js';
import {dayNumber, dayText, formatDate, plural} from './format.js';

// A small bar chart of articles per day (bucketed for long stories), with a text alternative.
export function activityChart(activity, label) {
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
