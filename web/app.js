// storydesk browser page: the story list and each story's digest, read from the JSON API of
// `storydesk serve`. Plain ES2020 modules, no framework, no build step. This is the entry:
// it wires the views to the router (js/router.js) and starts it.
//
// Routes (hash routing, so the server only ever serves one page):
//   #/                      the story list; #/?q=TEXT&since=YYYY-MM-DD&until=YYYY-MM-DD filters it
//   #/story/ID              a story's digest
//   #/story/ID/source/N     the same, scrolled to source N (the target of the [N] markers)
//   #/storyline/ID          a storyline's events on a timeline (stores ingested with --events)
//
// Every string from the API reaches the page through textContent or an attribute set with
// setAttribute (see js/dom.js); nothing from the API is ever parsed as HTML.
//
// The modules (web/js/, served at /static/js/):
//   api.js             fetches from the JSON API (api(), ApiError, query())
//   dom.js             builds elements (el(), svgEl())
//   format.js          counts and dates for people
//   memory.js          what the page remembers between views (the list to go back to, ...)
//   page.js            the view area and status line: state, focus, which view is current
//   notices.js         error boxes and empty notes
//   activity_chart.js  the articles-per-day chart
//   router.js          parses and builds routes, shows the route's view
//   story_list.js      the story list and its search form
//   story_view.js      a story's page
//   storyline_view.js  a storyline's page
//   story_sections.js  its summary, people, quotes and timeline
//   source_cards.js    its source cards
//   digest.js          the story digest, filled in where the API's lacks something
import {startRouter} from './js/router.js';
import {showList} from './js/story_list.js';
import {focusSource, showStory} from './js/story_view.js';
import {showStoryline} from './js/storyline_view.js';

const main = document.getElementById('main');

// The skip link moves focus into the page without touching the route in the hash.
document.querySelector('.skip-link').addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
  main.scrollIntoView();
});
startRouter({showList, showStory, focusSource, showStoryline});
