// Boxes and notes the views share: an error with an optional "Try again", and the note in an
// empty section.
import {ApiError} from './api.js';
import {el} from './dom.js';

export function errorBox(title, error, retry) {
  const detail = error instanceof ApiError ? error.message
    : (error && error.message ? `${error.message}` : 'Unknown error.');
  return el('div', {class: 'notice notice-error', role: 'alert'},
    el('p', {class: 'notice-title'}, title),
    el('p', null, detail),
    retry ? el('button', {type: 'button', class: 'button', onclick: retry}, 'Try again') : null);
}

export function emptyNote(text) {
  return el('p', {class: 'empty-note'}, text);
}
