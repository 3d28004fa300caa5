// What the page shows lives in its URL, so a view can be shared and the back button works:
//   ?type=STOCK_MOVE,IPO&company=NVDA&tag=ai&from=2024-01-01&to=2025-12-31&q=arizona   the filters, named as in the API
//   &view=2024-11-01..2025-02-15                                                         the days on screen (both included)
//   &event=<id>                                                                          the event whose details are open

import { dayOf, isIsoDate, isoOf } from './time.js';

const TEXT_FILTERS = ['company', 'tag', 'from', 'to', 'q'];
const VIEW = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;

export function emptyFilters() {
  return { type: [], company: '', tag: '', from: '', to: '', q: '' };
}

/** The page state in a query string; anything the page does not know is ignored, odd values go to the API as typed. */
export function readState(search) {
  const parameters = new URLSearchParams(search);
  const filters = emptyFilters();
  filters.type = [...new Set(parameters.getAll('type').flatMap(t => t.split(',')).map(t => t.trim().toUpperCase()).filter(Boolean))];
  for (const name of TEXT_FILTERS) {
    filters[name] = parameters.getAll(name).map(v => v.trim()).filter(Boolean).join(',');
  }
  return { filters, view: readView(parameters.get('view')), event: parameters.get('event')?.trim() || null };
}

function readView(text) {
  const match = VIEW.exec(text ?? '');
  if (!match || !isIsoDate(match[1]) || !isIsoDate(match[2]) || match[2] < match[1]) {
    return null;
  }
  return { start: dayOf(match[1]), end: dayOf(match[2]) + 1 };
}

/** The first and last whole days a view shows, as the URL and the range caption name them. */
export function viewDays(view) {
  return [Math.floor(view.start), Math.max(Math.floor(view.start), Math.ceil(view.end) - 1)];
}

/** The query string of a state ("?..."), or "?" alone for the default page. */
export function queryOf(state) {
  const parameters = new URLSearchParams();
  if (state.filters.type.length > 0) {
    parameters.set('type', state.filters.type.join(','));
  }
  for (const name of TEXT_FILTERS) {
    if (state.filters[name]) {
      parameters.set(name, state.filters[name]);
    }
  }
  if (state.view) {
    const [first, last] = viewDays(state.view);
    parameters.set('view', `${isoOf(first)}..${isoOf(last)}`);
  }
  if (state.event) {
    parameters.set('event', state.event);
  }
  return '?' + parameters.toString().replaceAll('%2C', ',');
}

export function sameFilters(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function hasFilters(filters) {
  return filters.type.length > 0 || TEXT_FILTERS.some(name => filters[name]);
}
