// The events of one filter set that the page has loaded, and which days are loaded completely.
// A view loads what it lacks page by page with the list's cursor, newest first, until it holds a
// budget of events; what is left is drawn as "not loaded" and continues with "Load more". The whole
// table is never asked for: every request is one page (limit) of one date window.

import { listEvents } from './api.js';
import { dayOf, isIsoDate, isoOf, spanOf } from './time.js';

export const PAGE_SIZE = 200;
export const VIEW_BUDGET = 1000;
const KEEP_AT_MOST = 20_000;

export class EventStore {
  constructor(filters) {
    this.filters = filters;
    this.clear();
  }

  clear() {
    this.entries = new Map(); // id -> {event, start, end}
    this.covered = []; // sorted, disjoint [first, last] day ranges whose every event is loaded
    this.partials = []; // windows cut short: {from, to, lowest, cursor}; [from, lowest] is still to load
  }

  /** The loaded events that overlap [start, end), in story order (oldest first). */
  eventsIn(start, end) {
    const inside = [];
    for (const entry of this.entries.values()) {
      if (entry.end > start && entry.start < end) {
        inside.push(entry);
      }
    }
    return inside.sort((a, b) => a.start - b.start || a.event.title.localeCompare(b.event.title)).map(entry => entry.event);
  }

  /** The day ranges within [first, last] not loaded yet. */
  missing(first, last) {
    const gaps = [];
    let next = first;
    for (const [a, b] of this.covered) {
      if (b < next) continue;
      if (a > last) break;
      if (a > next) gaps.push([next, a - 1]);
      next = Math.max(next, b + 1);
    }
    if (next <= last) gaps.push([next, last]);
    return gaps;
  }

  /**
   * Loads the days [first, last] (clipped to the filters' own dates) until they are complete or
   * `budget` events of [countFrom, countTo) are held. Calls onPage after every page; stops quietly
   * when `stale()` turns true (a newer view took over).
   */
  async fill(first, last, { budget, countFrom, countTo, onPage, stale, signal }) {
    if (this.entries.size > KEEP_AT_MOST) {
      this.clear();
    }
    [first, last] = this.clip(first, last);
    if (first > last) {
      return;
    }
    // A window cut short continues with its cursor only where its next page falls inside these days; above
    // them its pages would be events of another view, so the days get a window of their own.
    const continued = this.partials.filter(p => p.lowest >= first && p.lowest <= last);
    const tasks = [...continued];
    for (const [from, to] of this.missing(first, last)) {
      if (!continued.some(p => p.from <= from && to <= p.lowest)) {
        tasks.push({ from, to, lowest: to, cursor: null });
      }
    }
    tasks.sort((a, b) => b.lowest - a.lowest); // the newest first
    for (const task of tasks) {
      // Below `first` a window's pages hold other views' events: stop there.
      while (task.lowest >= first && this.eventsIn(countFrom, countTo).length < budget) {
        const page = await listEvents(this.filters,
          { from: isoOf(task.from), to: isoOf(task.to), sort: '-occurredOn', limit: PAGE_SIZE, cursor: task.cursor }, signal);
        if (stale()) {
          return;
        }
        this.add(page.items);
        this.partials = this.partials.filter(p => p !== task);
        if (page.nextCursor && page.items.length > 0) {
          task.lowest = dayOf(page.items[page.items.length - 1].occurredOn);
          task.cursor = page.nextCursor;
          this.cover(task.lowest + 1, task.to);
          this.partials.push(task);
        } else {
          this.cover(task.from, task.to);
        }
        onPage();
        if (!this.partials.includes(task)) {
          break;
        }
      }
    }
  }

  clip(first, last) {
    const from = isIsoDate(this.filters.from) ? dayOf(this.filters.from) : -Infinity;
    const to = isIsoDate(this.filters.to) ? dayOf(this.filters.to) : Infinity;
    return [Math.max(first, from), Math.min(last, to)];
  }

  add(events) {
    for (const event of events) {
      const [start, end] = spanOf(event);
      this.entries.set(event.id, { event, start, end });
    }
  }

  cover(first, last) {
    if (first > last) return;
    const ranges = [...this.covered, [first, last]].sort((a, b) => a[0] - b[0]);
    const merged = [];
    for (const range of ranges) {
      const previous = merged[merged.length - 1];
      if (previous && range[0] <= previous[1] + 1) {
        previous[1] = Math.max(previous[1], range[1]);
      } else {
        merged.push([...range]);
      }
    }
    this.covered = merged;
  }
}
