// The only way the page talks to the service: the public API under api/v1, read-only and without a key,
// as any frontend would. Relative URLs keep the page working behind a path prefix.

const BASE = new URL('api/v1/', document.baseURI);

/** A refused or failed request, carrying the RFC 9457 problem the service answered (or one made up for a network failure). */
export class ProblemError extends Error {
  constructor(problem) {
    super(problem.detail ?? problem.title);
    this.problem = problem;
  }
}

/** The filters a page state holds, as the API's query parameters (the page uses the API's own names). */
export function filterParameters(filters) {
  const parameters = new URLSearchParams();
  if (filters.type.length > 0) {
    parameters.set('type', filters.type.join(','));
  }
  for (const name of ['company', 'tag', 'from', 'to', 'q']) {
    if (filters[name]) {
      parameters.set(name, filters[name]);
    }
  }
  return parameters;
}

async function get(path, parameters, signal) {
  const url = new URL(path, BASE);
  if (parameters) {
    url.search = parameters.toString();
  }
  let response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' }, signal });
  } catch (failure) {
    if (failure.name === 'AbortError') {
      throw failure;
    }
    throw new ProblemError({ title: 'The service cannot be reached', detail: `${failure.message} (${url.pathname})` });
  }
  const json = (response.headers.get('Content-Type') ?? '').includes('json') ? await response.json() : null;
  if (!response.ok) {
    throw new ProblemError(json?.title ? json : { title: `The service answered ${response.status}`, status: response.status });
  }
  return json;
}

/** One page of events: `window` narrows the filters' dates, `sort` and `cursor` as the API takes them. */
export function listEvents(filters, { from, to, sort, limit, cursor, withTotal }, signal) {
  const parameters = filterParameters(filters);
  setIf(parameters, 'from', from);
  setIf(parameters, 'to', to);
  setIf(parameters, 'sort', sort);
  setIf(parameters, 'limit', limit);
  setIf(parameters, 'cursor', cursor);
  setIf(parameters, 'withTotal', withTotal);
  return get('events', parameters, signal);
}

/** Counts per period between two dates (inclusive). */
export function eventStats(filters, groupBy, from, to, signal) {
  const parameters = filterParameters(filters);
  parameters.set('groupBy', groupBy);
  parameters.set('from', from);
  parameters.set('to', to);
  return get('events/stats', parameters, signal);
}

/** One event, fresh (with its links to related events once the API has them). */
export function getEvent(id, signal) {
  return get(`events/${encodeURIComponent(id)}`, null, signal);
}

/** The path of an event in the API, for the "as JSON" link. */
export function eventUrl(id) {
  return new URL(`events/${encodeURIComponent(id)}`, BASE).pathname;
}

/**
 * The first and last dates the filters match and how many events they match: two one-event pages
 * (oldest first, newest first), so the view can fit the data without loading it.
 */
export async function extentOf(filters, signal) {
  const [oldest, newest] = await Promise.all([
    listEvents(filters, { sort: 'occurredOn', limit: 1, withTotal: true }, signal),
    listEvents(filters, { sort: '-occurredOn', limit: 1 }, signal),
  ]);
  if (oldest.items.length === 0) {
    return { total: 0 };
  }
  return { total: Number(oldest.total), first: oldest.items[0], last: newest.items[0] };
}

function setIf(parameters, name, value) {
  if (value !== undefined && value !== null && value !== '') {
    parameters.set(name, String(value));
  }
}
