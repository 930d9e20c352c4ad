// Browser test of the storydesk page: drives headless Chromium (through playwright-core) against a
// running `storydesk serve` whose database holds the seed stories.
//
//   STORYDESK_URL=http://127.0.0.1:8080 node tests/browser/browser_test.mjs
//
// Environment:
//   STORYDESK_URL     base URL of the server (required)
//   CHROMIUM          the browser to drive (default /usr/bin/chromium)
//   STORYDESK_QUERY   a search that matches at least one seed story (default "Korea")
//
// Screenshots go to tests/browser/artifacts/ (list.png, list-phone.png, story.png,
// story-phone.png; failure.png when a check fails). Exit status 0 when every check passes, 1 on
// the first failure (with a line saying which check and why), 2 on a usage error.
import {chromium} from 'playwright-core';
import {mkdirSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const artifacts = path.join(here, 'artifacts');
const base = (process.env.STORYDESK_URL || '').replace(/\/+$/, '');
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const searchText = process.env.STORYDESK_QUERY || 'Korea';
const DESKTOP = {width: 1280, height: 800};
const PHONE = {width: 390, height: 844};
const VIEW_TIMEOUT_MS = 15000;
const WHOLE_TEST_MS = 180000;

if (!base) {
  console.error('browser test: set STORYDESK_URL to the base URL of a running `storydesk serve`.');
  process.exit(2);
}

let passed = 0;
let currentCheck = 'starting';
let browser = null;
let page = null;
const pageErrors = [];
const foreignRequests = [];

class CheckFailed extends Error {}

function assert(condition, message) {
  if (!condition) throw new CheckFailed(message);
}

async function check(name, body) {
  currentCheck = name;
  await body();
  passed += 1;
  console.log(`ok   ${name}`);
}

// Waits until the page has finished rendering the route in the address bar; returns its state
// ("ready", "empty" or "error").
async function settled(what) {
  try {
    await page.waitForFunction(() => {
      const view = document.getElementById('view');
      return view && view.dataset.route === (location.hash || '#/') && view.dataset.state !== 'loading';
    }, null, {timeout: VIEW_TIMEOUT_MS});
  } catch (_) {
    throw new CheckFailed(`${what} did not finish loading within ${VIEW_TIMEOUT_MS / 1000} s (status: "${await statusText()}")`);
  }
  return page.evaluate(() => document.getElementById('view').dataset.state);
}

async function statusText() {
  try {
    return (await page.locator('#status').textContent({timeout: 1000})) || '';
  } catch (_) {
    return '';
  }
}

async function visibleText(selector) {
  return ((await page.locator(selector).first().textContent()) || '').trim();
}

async function focused() {
  return page.evaluate(() => {
    const a = document.activeElement;
    return a ? {tag: a.tagName.toLowerCase(), id: a.id, cls: a.className || '', text: (a.textContent || '').trim().slice(0, 60)} : null;
  });
}

async function noHorizontalScroll(where) {
  const {scroll, client} = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth}));
  assert(scroll <= client + 1, `${where} scrolls sideways at ${client} px: the page is ${scroll} px wide`);
}

async function headingsInOrder(where) {
  const levels = await page.$$eval('h1, h2, h3, h4, h5, h6', (hs) => hs
    .filter((h) => h.getClientRects().length > 0 || h.classList.contains('visually-hidden'))
    .map((h) => Number(h.tagName[1])));
  assert(levels.length > 0 && levels[0] === 1, `${where}: the first heading is not an h1 (levels: ${levels.join(' ')})`);
  assert(levels.filter((l) => l === 1).length === 1, `${where}: more than one h1 (levels: ${levels.join(' ')})`);
  for (let i = 1; i < levels.length; i += 1) {
    assert(levels[i] <= levels[i - 1] + 1, `${where}: heading h${levels[i]} follows h${levels[i - 1]} (levels: ${levels.join(' ')})`);
  }
}

async function shot(name, fullPage = true) {
  await page.screenshot({path: path.join(artifacts, name), fullPage});
  console.log(`     screenshot ${path.relative(process.cwd(), path.join(artifacts, name)) || name}`);
}

async function run() {
  mkdirSync(artifacts, {recursive: true});
  try {
    browser = await chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--headless', '--disable-gpu'],
    });
  } catch (e) {
    throw new CheckFailed(`could not start Chromium at ${executablePath}: ${e.message.split('\n')[0]}`);
  }
  const context = await browser.newContext({viewport: DESKTOP, locale: 'en-US', colorScheme: 'light'});
  page = await context.newPage();
  page.setDefaultTimeout(VIEW_TIMEOUT_MS);
  page.on('pageerror', (e) => pageErrors.push(`uncaught: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(`console error: ${m.text()}`); });
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(`${base}/`) && !url.startsWith('data:')) foreignRequests.push(url);
  });

  // 1. The list.
  await check('the list page loads and lists at least one story', async () => {
    const response = await page.goto(`${base}/`, {waitUntil: 'domcontentloaded'});
    assert(response && response.ok(), `GET / answered ${response ? response.status() : 'nothing'}`);
    const state = await settled('the story list');
    assert(state === 'ready', `the list shows "${state}" instead of stories (status: "${await statusText()}")`);
    const count = await page.locator('#story-list > li').count();
    assert(count >= 1, 'no story is listed');
    const first = await visibleText('#story-list h2 a');
    assert(first.length > 0, 'the first story has an empty headline');
    console.log(`     ${count} stories listed; first: "${first}"`);
  });

  await check('the page declares its language, has one h1 and headings in order', async () => {
    assert((await page.getAttribute('html', 'lang')) === 'en', 'html has no lang="en"');
    await headingsInOrder('the list');
    for (const id of ['q', 'since', 'until']) {
      const label = await page.locator(`label[for="${id}"]`).count();
      assert(label === 1, `the input #${id} has no label`);
    }
    assert(await page.locator('#status[aria-live]').count() === 1, 'there is no aria-live status region');
  });

  await check('each listed story has an activity chart with a text alternative', async () => {
    const label = await page.locator('#story-list > li').first().locator('svg[role="img"]').getAttribute('aria-label');
    assert(label && /\d+ articles? on \d{4}-\d{2}-\d{2}/.test(label), `the chart's text alternative is "${label}"`);
  });

  await shot('list.png');

  // 2. The keyboard, from the top of a freshly loaded page.
  await check('Tab from the top reaches the skip link first, then the search box', async () => {
    await page.goto(`${base}/`, {waitUntil: 'domcontentloaded'});
    await settled('the story list');
    await page.keyboard.press('Tab');
    const first = await focused();
    assert(first && first.cls.includes('skip-link'), `the first Tab stop is ${JSON.stringify(first)}, not the skip link`);
    const box = await page.locator('.skip-link').boundingBox();
    assert(box && box.y >= 0 && box.y < DESKTOP.height, 'the focused skip link is not visible');
    let reached = false;
    for (let i = 0; i < 8 && !reached; i += 1) {
      await page.keyboard.press('Tab');
      reached = (await focused()).id === 'q';
    }
    assert(reached, `8 more Tabs never reached the search box (stopped on ${JSON.stringify(await focused())})`);
    const outline = await page.$eval('#q', (e) => {
      const s = getComputedStyle(e);
      return {style: s.outlineStyle, width: parseFloat(s.outlineWidth)};
    });
    assert(outline.style !== 'none' && outline.width >= 2, `the focused search box has no visible outline (${JSON.stringify(outline)})`);
  });

  await check('the skip link moves focus to the content', async () => {
    await page.goto(`${base}/`, {waitUntil: 'domcontentloaded'});
    await settled('the story list');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const now = await focused();
    assert(now && now.id === 'main', `after the skip link, focus is on ${JSON.stringify(now)}`);
    await page.keyboard.press('Tab');
    const next = await focused();
    assert(next && next.id === 'q', `the first Tab stop in the content is ${JSON.stringify(next)}, not the search box`);
  });

  // 2b. A storyline (the corpus is ingested with --events): its events on a timeline.
  await check('a storyline opens from the list with its events, earliest first', async () => {
    const link = page.locator('#story-list .storyline-link').first();
    assert((await link.count()) === 1, 'no story of the list links to a storyline of several events');
    await link.click();
    await page.waitForFunction(() => location.hash.startsWith('#/storyline/'), null, {timeout: VIEW_TIMEOUT_MS})
      .catch(() => { throw new CheckFailed('the storyline link did not lead to a storyline'); });
    const state = await settled('the storyline');
    assert(state === 'ready', `the storyline shows "${state}" (status: "${await statusText()}")`);
    const events = await page.locator('.event-item').count();
    assert(events >= 2, `the storyline lists ${events} events`);
    const dates = await page.locator('.event-date').allTextContents();
    assert(dates.every((d) => d.trim().length > 0), 'an event has no date');
    await page.waitForFunction(() => [...document.querySelectorAll('.event-points')].every((l) => l.children.length > 0),
      null, {timeout: VIEW_TIMEOUT_MS})
      .catch(() => { throw new CheckFailed('the events\' summary points did not load'); });
    await headingsInOrder('the storyline');
    console.log(`     ${events} events: ${dates.map((d) => d.trim()).join('; ')}`);
  });
  await shot('storyline.png');
  await page.goto(`${base}/`, {waitUntil: 'domcontentloaded'});
  await settled('the story list');

  // 3. A search, typed and submitted from the keyboard.
  await check(`searching for "${searchText}" lists matching stories`, async () => {
    await page.focus('#q');
    await page.keyboard.type(searchText);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /[?&]q=/.test(location.hash), null, {timeout: VIEW_TIMEOUT_MS})
      .catch(() => { throw new CheckFailed('submitting the search did not put q= in the address'); });
    const state = await settled('the search results');
    assert(state === 'ready', `the search for "${searchText}" shows "${state}" (status: "${await statusText()}")`);
    const count = await page.locator('#story-list > li').count();
    assert(count >= 1, `the search for "${searchText}" lists no story`);
    assert((await page.inputValue('#q')) === searchText, 'the search box lost the query after the search');
    const status = await statusText();
    assert(status.includes(searchText), `the status does not mention the search: "${status}"`);
    console.log(`     ${count} stories match; status: "${status}"`);
  });

  // 4. A story, opened from the keyboard.
  let headline = '';
  await check('a story opens from the results with its headline and bullets', async () => {
    const link = page.locator('#story-list h2 a').first();
    const listed = ((await link.textContent()) || '').trim();
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /^#\/story\/\d+/.test(location.hash), null, {timeout: VIEW_TIMEOUT_MS})
      .catch(() => { throw new CheckFailed('following the first story link did not open a story'); });
    const state = await settled('the story page');
    assert(state === 'ready', `the story page shows "${state}" (status: "${await statusText()}")`);
    headline = await visibleText('h1');
    assert(headline.length > 0, 'the story page has an empty h1');
    const bullets = page.locator('.bullets > li');
    const count = await bullets.count();
    assert(count >= 1, 'the story shows no bullets');
    assert(await bullets.first().isVisible(), 'the first bullet is not visible');
    console.log(`     opened "${headline}" (listed as "${listed}"), ${count} bullets`);
  });

  await check('the story shows its sections, timeline included, with headings in order', async () => {
    for (const [id, title] of [['summary', 'Summary'], ['people', 'People'], ['quotes', 'Quotes'],
      ['timeline', 'Timeline'], ['sources', 'Sources']]) {
      const section = page.locator(`#section-${id}`);
      assert(await section.count() === 1, `the ${title} section is missing`);
      const h2 = ((await section.locator('h2').first().textContent()) || '').trim();
      assert(h2 === title, `the ${id} section's heading is "${h2}"`);
      const items = await section.locator('li').count();
      const empty = await section.locator('.empty-note').count();
      assert(items > 0 || empty > 0, `the ${title} section is blank: neither items nor a note saying there are none`);
    }
    const cards = await page.locator('.source-card').count();
    assert(cards >= 1, 'no source card');
    await headingsInOrder('the story page');
  });

  await page.evaluate(() => window.scrollTo(0, 0));
  await shot('story.png');

  // 5. The phone width.
  await check('the story reads at phone width without sideways scrolling', async () => {
    await page.setViewportSize(PHONE);
    await page.evaluate(() => window.scrollTo(0, 0));
    await noHorizontalScroll('the story page');
    const columns = await page.$eval('.source-grid', (g) => getComputedStyle(g).gridTemplateColumns.split(' ').length);
    assert(columns === 1, `the source cards are in ${columns} columns at phone width`);
  });
  await shot('story-phone.png');

  await check('a source marker leads to its source card', async () => {
    const marker = page.locator('.bullets a.marker').first();
    assert(await marker.count() === 1, 'the bullets have no source markers');
    const text = ((await marker.textContent()) || '').trim();
    const n = /^\[(\d+)\]$/.exec(text);
    assert(n, `the first marker reads "${text}"`);
    await marker.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => document.activeElement && document.activeElement.id === id,
      `source-${n[1]}`, {timeout: 5000})
      .catch(() => { throw new CheckFailed(`marker ${text} did not move focus to source card ${n[1]}`); });
  });

  await check('the back link keeps the search', async () => {
    const href = await page.getAttribute('#back-link', 'href');
    const q = href && href.includes('?') ? new URLSearchParams(href.slice(href.indexOf('?') + 1)).get('q') : null;
    assert(q === searchText, `the back link is "${href}", without the search`);
  });


  await check('the back link returns to the filtered list', async () => {
    await page.click('#back-link');
    await page.waitForFunction(() => location.hash.startsWith('#/?'), null, {timeout: VIEW_TIMEOUT_MS})
      .catch(() => { throw new CheckFailed('the back link did not lead to the filtered list'); });
    const state = await settled('the filtered list');
    assert(state === 'ready', `back on the list, it shows "${state}"`);
    assert((await page.inputValue('#q')) === searchText, 'back on the list, the search box is not filled in');
    await noHorizontalScroll('the list');
  });
  await shot('list-phone.png');

  await check('no script errors and no requests to other origins', async () => {
    assert(pageErrors.length === 0, `the page logged errors:\n  ${pageErrors.join('\n  ')}`);
    assert(foreignRequests.length === 0, `the page requested other origins:\n  ${foreignRequests.join('\n  ')}`);
  });
}

const watchdog = setTimeout(() => {
  console.error(`FAIL: ${currentCheck}: the whole test took longer than ${WHOLE_TEST_MS / 1000} s`);
  console.error(`browser test: ${passed} passed, 1 failed`);
  process.exit(1);
}, WHOLE_TEST_MS);

let status = 0;
try {
  await run();
  console.log(`browser test: screenshots in ${artifacts}`);
  console.log(`browser test: ${passed} passed, 0 failed`);
} catch (e) {
  status = 1;
  const message = e instanceof CheckFailed ? e.message : (e && e.stack) || String(e);
  console.error(`FAIL: ${currentCheck}: ${message}`);
  if (pageErrors.length) console.error(`     page errors so far:\n       ${pageErrors.join('\n       ')}`);
  if (page) {
    try {
      await page.screenshot({path: path.join(artifacts, 'failure.png'), fullPage: true});
      console.error(`     screenshot of the failure: ${path.join(artifacts, 'failure.png')}`);
    } catch (_) { /* the browser may be gone */ }
  }
  console.error(`browser test: ${passed} passed, 1 failed`);
} finally {
  clearTimeout(watchdog);
  if (browser) await browser.close().catch(() => {});
}
process.exit(status);
