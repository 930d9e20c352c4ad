// What the page remembers from one view to the next: the list route to go back to (kept in
// sessionStorage too, so it survives a reload), the story to focus there, the story on screen
// and whether the first view is still the one being shown.

const LIST_HASH_KEY = 'storydesk.listHash';

export const memory = {
  // The list route last shown, so "Back to stories" keeps the search and dates.
  listHash: validListHash(readSession(LIST_HASH_KEY)),
  lastStoryId: null,   // focused again when going back to the list
  currentStory: null,  // {id, data} of the story on screen
  firstRender: true,   // the first view does not steal focus from the page top
};

// The list route `hash` is the one to go back to.
export function rememberListHash(hash) {
  memory.listHash = hash;
  writeSession(LIST_HASH_KEY, hash);
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
