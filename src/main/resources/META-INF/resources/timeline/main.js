// The timeline page: reads its state from the URL, asks the public API for what the view needs (the
// extent of the matches, counts per period, events page by page) and keeps the timeline, the bars,
// the list and the details panel in step. Every change of filters or event is a history entry; moving
// and zooming replace the current one, so the URL always restores what is on screen.

import { eventStats, extentOf, getEvent } from './api.js';
import { Chart } from './chart.js';
import { detailsOf } from './details.js';
import { h, replace } from './dom.js';
import { emptyFilters, hasFilters, queryOf, readState, sameFilters, viewDays } from './state.js';
import { EventStore, VIEW_BUDGET } from './store.js';
import { DAY_MS, PERIODS, dayOf, eventDate, isIsoDate, isoOf, periodFor, shortDate, spanOf } from './time.js';
import { TYPES, typeClass, typeLabel } from './types.js';

const $ = id => document.getElementById(id);
const form = $('filters');
const FILTER_INPUTS = ['company', 'tag', 'from', 'to', 'q'];

let state = readState(location.search);
let store = null; // the loaded events of the current filters
let extent = null; // {total, first, last} of the current filters, once known
let refused = null; // the problem with which the API refused the current filters
let inView = null; // how many events the view holds, from /events/stats
let budget = VIEW_BUDGET;
let loading = false;
let applying = 0;
let generation = 0;
let detailsGeneration = 0;
let controller = null;
let loadTimer = 0;
let urlTimer = 0;
let opener = null;

const chart = new Chart({
  timeline: $('timeline'),
  bars: $('bars'),
  onView: viewMoved,
  onSelect: id => navigate(hrefWith({ event: id }), { focusDetails: true, from: $('timeline') }),
  onFit: fit,
});

// ---- state -> screen ----------------------------------------------------------------------------------

async function apply(next, { focusDetails = false } = {}) {
  const mine = ++applying;
  const filtersChanged = !store || !sameFilters(store.filters, next.filters);
  const viewChanged = next.view ? viewKey(next.view) !== viewKey(state.view ?? chart.view) : state.view !== null;
  state = next;
  showFilters(next.filters);
  if (filtersChanged) {
    cancelLoads();
    store = new EventStore(next.filters);
    extent = null;
    refused = null;
    inView = null;
    budget = VIEW_BUDGET;
    chart.setEvents([]);
    chart.setStats(null);
    chart.setUnloaded([]);
    showProblem(null);
    showEmpty(null);
    setStatus('Loading…');
    setBusy(true);
    try {
      extent = await extentOf(next.filters);
    } catch (failure) {
      if (mine !== applying) return;
      refuse(failure);
      await showDetails(next.event, focusDetails);
      return;
    }
    if (mine !== applying) return;
  }
  if (filtersChanged || viewChanged) {
    const view = next.view ?? fitView();
    chart.setView(view.start, view.end);
    loadView();
  }
  await showDetails(next.event, focusDetails);
}

/** The days that contain the matching events, a little padded; without matches, the filters' dates or the last year. */
function fitView() {
  if (extent && extent.total > 0) {
    const start = spanOf(extent.first)[0];
    const end = Math.max(spanOf(extent.last)[1], start + 1);
    const pad = Math.max((end - start) * 0.04, 2);
    return { start: start - pad, end: end + pad };
  }
  const from = isIsoDate(state.filters.from) ? dayOf(state.filters.from) : null;
  const to = isIsoDate(state.filters.to) ? dayOf(state.filters.to) + 1 : null;
  const today = Math.floor(Date.now() / DAY_MS);
  const end = to ?? (from !== null ? from + 365 : today + 1);
  return { start: from ?? end - 365, end };
}

function fit() {
  const view = fitView();
  chart.setView(view.start, view.end, true);
}

/** After the user moved or zoomed: the URL follows at once-ish, the data a moment later (not at every pixel). */
function viewMoved(view) {
  state.view = { ...view };
  showRange();
  setBusy(true); // until the new view is loaded
  clearTimeout(urlTimer);
  urlTimer = setTimeout(() => history.replaceState(null, '', queryOf(state)), 300);
  budget = VIEW_BUDGET;
  clearTimeout(loadTimer);
  loadTimer = setTimeout(loadView, 200);
}

function viewKey(view) {
  const [first, last] = viewDays(view);
  return `${first}..${last}`;
}

function cancelLoads() {
  generation++;
  controller?.abort();
  clearTimeout(loadTimer);
}

/** Loads what the view lacks: the counts per period, then events page by page up to the budget. */
async function loadView() {
  clearTimeout(loadTimer);
  if (!store || refused) {
    setBusy(false);
    return;
  }
  cancelLoads();
  const mine = generation;
  const stale = () => mine !== generation;
  controller = new AbortController();
  const { signal } = controller;
  const { start, end } = chart.view;
  const span = end - start;
  const [first, last] = viewDays(chart.view);
  const currentStore = store;
  const redraw = () => {
    chart.setEvents(currentStore.eventsIn(start - span, end + span));
    chart.setUnloaded(unloaded(first, last), loading);
  };
  showRange();
  loading = true;
  setBusy(true);
  const period = periodFor(chart.pixelsPerDay());
  const [statsFrom, statsTo] = currentStore.clip(first, last);
  const stats = statsFrom <= statsTo
    ? eventStats(currentStore.filters, period, isoOf(statsFrom), isoOf(statsTo), signal)
    : Promise.resolve({ groupBy: period, buckets: [] });
  const counted = stats.then(answer => {
    if (stale()) return;
    // Events dated less precisely than the bars' period (a month, by week) are counted apart, in `coarser`.
    inView = [...answer.buckets, ...(answer.coarser ?? [])].reduce((sum, bucket) => sum + bucket.count, 0);
    chart.setStats(answer);
    showStatsTable(answer);
    if (!loading) showCounts();
  }, failure => stale() || fail(failure));
  try {
    redraw();
    await currentStore.fill(first, last, { budget, countFrom: start, countTo: end, onPage: redraw, stale, signal });
    if (stale()) return;
    // Then a margin on each side (a month at least before, for events dated to a month), so moving is smooth.
    const before = Math.floor(start - Math.max(span / 4, 31));
    const after = Math.ceil(end + span / 4);
    await currentStore.fill(before, after, { budget, countFrom: before, countTo: after + 1, onPage: () => {}, stale, signal });
    if (stale()) return;
    loading = false;
    redraw();
    showList(currentStore.eventsIn(start, end));
    showCounts();
    showProblem(null); // a failure of an earlier view is over
    await counted;
  } catch (failure) {
    if (!stale()) {
      loading = false;
      fail(failure);
    }
  }
  if (!stale()) setBusy(false);
}

/** aria-busy on the timeline and the list while a view loads: screen readers wait, and so can scripts and tests. */
function setBusy(busy) {
  for (const section of document.querySelectorAll('.chart, .list')) {
    section.setAttribute('aria-busy', String(busy));
  }
}

/** The days of the view not loaded yet, within the filters' own dates. */
function unloaded(first, last) {
  const [from, to] = store.clip(first, last);
  return from <= to ? store.missing(from, to) : [];
}

function fail(failure) {
  if (failure.name === 'AbortError') return;
  showProblem(failure.problem ?? { title: 'The page failed', detail: String(failure) });
}

/** The API refused the filters: its problem is shown, nothing else is. */
function refuse(failure) {
  refused = failure.problem ?? { title: 'The page failed', detail: String(failure) };
  showProblem(refused);
  setStatus('');
  showEmpty(null);
  chart.setEvents([]);
  chart.setStats(null);
  chart.setUnloaded([]);
  showList([]);
  showStatsTable(null);
  $('load-more').hidden = true;
  setBusy(false);
}

// ---- the pieces of the screen -------------------------------------------------------------------------

function showRange() {
  const [first, last] = viewDays(chart.view);
  $('view-range').textContent = `${shortDate(first)} – ${shortDate(last)}`;
}

function showCounts() {
  const { start, end } = chart.view;
  const [first, last] = viewDays(chart.view);
  const loaded = store.eventsIn(start, end).length;
  const more = unloaded(first, last).length > 0;
  $('load-more').hidden = !more;
  let status = '';
  if (extent?.total > 0) {
    const total = inView ?? loaded;
    status = more
      ? `Showing ${count(loaded)} of ${count(total)} events in view, the most recent first: zoom in, or load more.`
      : `${count(loaded)} ${loaded === 1 ? 'event' : 'events'} in view, of ${count(extent.total)} matching.`;
  }
  setStatus(status);
  $('timeline').setAttribute('aria-label', `Timeline from ${shortDate(first)} to ${shortDate(last)}, ${count(loaded)} events drawn`);
  if (extent?.total === 0) {
    showEmpty(hasFilters(state.filters)
      ? { text: `No event matches ${describe(state.filters)}.`, action: 'Clear the filters', run: () => navigate('?') }
      : { text: 'The ledger holds no events yet: add some through the API, and they appear here.' });
  } else if (extent && loaded === 0 && !more) {
    showEmpty({
      text: `No matching event between ${shortDate(first)} and ${shortDate(last)}. The ${count(extent.total)} that match run from `
        + `${eventDate(extent.first)} to ${eventDate(extent.last)}.`,
      action: 'Show them', run: fit,
    });
  } else {
    showEmpty(null);
  }
}

function describe(filters) {
  const words = [];
  if (filters.type.length > 0) words.push(`type ${filters.type.map(typeLabel).join(' or ')}`);
  if (filters.company) words.push(`company “${filters.company}”`);
  if (filters.tag) words.push(`tag “${filters.tag}”`);
  if (filters.from) words.push(`from ${filters.from}`);
  if (filters.to) words.push(`until ${filters.to}`);
  if (filters.q) words.push(`text “${filters.q}”`);
  return words.join(', ');
}

function count(n) {
  return Number(n).toLocaleString('en');
}

function setStatus(text) {
  const status = $('status');
  if (status.textContent !== text) {
    status.textContent = text;
  }
}

function showEmpty(empty) {
  const element = $('empty');
  element.hidden = !empty;
  if (empty) {
    replace(element, empty.text, empty.action
      ? [' ', h('button', { type: 'button', class: 'link-button' }, empty.action)] : null);
    element.querySelector('button')?.addEventListener('click', empty.run);
  }
}

function showProblem(problem) {
  const element = $('problem');
  element.hidden = !problem;
  if (!problem) {
    element.replaceChildren();
    return;
  }
  const errors = Array.isArray(problem.errors) ? problem.errors : [];
  replace(element,
    h('p', {}, h('strong', { class: 'problem-title' }, problem.title ?? 'Refused'), problem.status ? ` (${problem.status})` : null),
    problem.detail ? h('p', { class: 'problem-detail' }, problem.detail) : null,
    errors.length > 1 ? h('ul', {}, errors.map(e => h('li', {}, `${e.field ?? ''}: ${e.message ?? ''}`))) : null);
}

function showList(events) {
  replace($('events-list'), events.map(event => h('li', {},
    h('a', {
      href: hrefWith({ event: event.id }), 'data-internal': true, 'data-id': event.id, 'data-type': event.type,
      'aria-current': event.id === state.event ? 'true' : null,
    },
    h('time', { datetime: event.occurredOn }, eventDate(event)),
    h('span', { class: `badge ${typeClass(event.type)}` }, typeLabel(event.type)),
    h('span', { class: 'title' }, event.title)))));
  $('events-list-title').textContent = `Events in view (${count(events.length)})`;
}

function showStatsTable(stats) {
  const period = stats ? PERIODS[stats.groupBy] : null;
  const caption = stats ? `Events per ${stats.groupBy} in view` : 'Events per period';
  $('stats-caption').textContent = caption;
  $('stats-table-caption').textContent = caption;
  const apart = (stats?.coarser ?? []).filter(bucket => PERIODS[String(bucket.datePrecision).toLowerCase()]);
  replace($('stats-rows'), [
    ...(stats?.buckets ?? []).map(bucket =>
      h('tr', {}, h('th', { scope: 'row' }, period.name(bucket.key)), h('td', {}, count(bucket.count)))),
    ...apart.map(bucket => {
      const precision = String(bucket.datePrecision).toLowerCase();
      return h('tr', { class: 'coarser' }, h('th', { scope: 'row' }, `${PERIODS[precision].name(bucket.key)} (dated to the ${precision})`),
        h('td', {}, count(bucket.count)));
    }),
  ]);
}

async function showDetails(id, focus) {
  const panel = $('details');
  const body = $('details-body');
  chart.setSelected(id);
  for (const link of document.querySelectorAll('#events-list a[data-id]')) {
    if (link.dataset.id === id) {
      link.setAttribute('aria-current', 'true');
    } else {
      link.removeAttribute('aria-current');
    }
  }
  document.body.classList.toggle('with-details', Boolean(id));
  const mine = ++detailsGeneration;
  if (!id) {
    const hadFocus = panel.contains(document.activeElement);
    panel.hidden = true;
    body.replaceChildren();
    if (hadFocus || focus) returnFocus();
    return;
  }
  panel.hidden = false;
  const known = store?.entries.get(id)?.event;
  if (known) {
    replace(body, detailsOf(known, hrefWith));
  } else {
    replace(body, h('h2', { id: 'details-title', tabindex: '-1' }, 'Loading the event…'));
  }
  if (focus) $('details-title').focus();
  try {
    const fresh = await getEvent(id);
    if (mine !== detailsGeneration) return;
    if (!known || JSON.stringify(fresh) !== JSON.stringify(known)) {
      const titleHadFocus = document.activeElement?.id === 'details-title';
      replace(body, detailsOf(fresh, hrefWith));
      if (titleHadFocus) $('details-title').focus();
    }
  } catch (failure) {
    if (mine !== detailsGeneration || failure.name === 'AbortError') return;
    const problem = failure.problem ?? { title: 'The page failed', detail: String(failure) };
    replace(body, h('h2', { id: 'details-title', tabindex: '-1' }, 'This event cannot be shown'),
      h('p', { class: 'problem-detail' }, problem.detail ?? problem.title));
  }
}

/** Back to the list entry (or the mark's timeline) that opened the details. */
function returnFocus() {
  const target = opener && opener.isConnected ? opener : $('timeline');
  target.focus();
}

function showFilters(filters) {
  for (const name of FILTER_INPUTS) {
    form.elements[name].value = filters[name];
  }
  for (const box of form.querySelectorAll('input[name="type"]')) {
    box.checked = filters.type.includes(box.value);
  }
  $('types-summary').textContent = filters.type.length === 0 ? 'all' : filters.type.map(typeLabel).join(', ');
}

function readFilters() {
  const filters = emptyFilters();
  filters.type = [...form.querySelectorAll('input[name="type"]:checked')].map(box => box.value);
  for (const name of FILTER_INPUTS) {
    filters[name] = form.elements[name].value.trim();
  }
  return filters;
}

// ---- navigation ---------------------------------------------------------------------------------------

/** The page's URL with one thing changed: the company or tag filter (then the view fits again) or the open event. */
function hrefWith(change) {
  const next = { filters: { ...state.filters }, view: state.view, event: state.event };
  for (const name of ['company', 'tag']) {
    if (name in change) {
      next.filters[name] = change[name];
      next.view = null;
    }
  }
  if ('event' in change) {
    next.event = change.event;
  }
  return queryOf(next);
}

function navigate(query, { focusDetails = false, from = null } = {}) {
  clearTimeout(urlTimer);
  if (from) opener = from;
  history.pushState(null, '', query === '?' ? location.pathname : query);
  apply(readState(query), { focusDetails });
}

document.addEventListener('click', event => {
  const link = event.target.closest?.('a[data-internal]');
  if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  const opensDetails = readState(link.getAttribute('href')).event !== state.event;
  navigate(link.getAttribute('href'), { focusDetails: opensDetails, from: link.closest('#events-list') ? link : null });
});

document.addEventListener('keydown', event => {
  if (event.key !== 'Escape') return;
  if ($('types').open) {
    $('types').open = false;
    $('types').querySelector('summary').focus();
  } else if (!$('details').hidden) {
    event.preventDefault();
    closeDetails();
  }
});

// The types' drop-down closes when the user goes elsewhere, like a select would.
document.addEventListener('click', event => {
  if ($('types').open && !$('types').contains(event.target)) {
    $('types').open = false;
  }
});

function closeDetails() {
  const id = state.event;
  opener = document.querySelector(`#events-list a[data-id="${CSS.escape(id ?? '')}"]`) ?? opener;
  navigate(hrefWith({ event: null }), { focusDetails: true });
}

window.addEventListener('popstate', () => apply(readState(location.search)));

form.addEventListener('submit', event => {
  event.preventDefault();
  $('types').open = false;
  navigate(queryOf({ filters: readFilters(), view: null, event: null }));
});
$('clear-filters').addEventListener('click', () => navigate('?'));
$('close-details').addEventListener('click', closeDetails);
$('load-more').addEventListener('click', () => {
  budget += VIEW_BUDGET;
  loadView();
});
for (const button of document.querySelectorAll('.zoom button')) {
  button.addEventListener('click', () => ({
    earlier: () => chart.pan(-0.5),
    later: () => chart.pan(0.5),
    'zoom-in': () => chart.zoom(0.5),
    'zoom-out': () => chart.zoom(2),
    fit,
  })[button.dataset.action]());
}
form.addEventListener('change', event => {
  if (event.target.name === 'type') {
    const checked = readFilters().type;
    $('types-summary').textContent = checked.length === 0 ? 'all' : checked.map(typeLabel).join(', ');
  }
});

replace($('type-choices'), TYPES.map(([code, label]) => h('label', { class: 'type-choice' },
  h('input', { type: 'checkbox', name: 'type', value: code }),
  h('span', { class: `swatch ${typeClass(code)}`, 'aria-hidden': 'true' }),
  label)));
apply(state);
