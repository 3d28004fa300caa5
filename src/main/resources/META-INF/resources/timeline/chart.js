// The time axis: events as marks in stacked lanes, and under it the counts per period as bars, both on
// one scale. Drag, the wheel, a pinch or the keyboard move and zoom it; a click on a mark selects it.
// The drawing is for the eye (aria-hidden): the list view carries the same events for screen readers.

import { s } from './dom.js';
import { stack } from './lanes.js';
import { PERIODS, eventDate, spanOf, tickSetFor, dayOf } from './time.js';
import { typeClass, typeLabel } from './types.js';

export const MIN_SPAN = 4; // days: zoomed in, a day is a quarter of the width
export const MAX_SPAN = 365.25 * 60; // zoomed out, six decades
const EARLIEST = dayOf('1900-01-01');
const LATEST = dayOf('2100-12-31');

const AXIS = 44; // pixels above the first lane
const LANE = 22;
const MARK = 12;
const MIN_MARK = 10;
const MAX_LANES = 18;
const LABEL_GAP = 4;
const LANE_GAP = 6;
const LABEL_MAX = 260;
const BARS_HEIGHT = 86;
const BARS_BASE = 70;
const DRAG_THRESHOLD = 4;

const ruler = document.createElement('canvas').getContext('2d');
ruler.font = '12px system-ui, sans-serif'; // as `.mark text` in timeline.css
const widths = new Map();

function textWidth(text) {
  let width = widths.get(text);
  if (width === undefined) {
    width = ruler.measureText(text).width;
    widths.set(text, width);
  }
  return width;
}

/** The text, cut with an ellipsis to fit the pixels. */
function fitText(text, pixels) {
  if (textWidth(text) <= pixels) {
    return text;
  }
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (textWidth(text.slice(0, middle) + '…') <= pixels) {
      low = middle;
    } else {
      high = middle - 1;
    }
  }
  return low === 0 ? '' : text.slice(0, low).trimEnd() + '…';
}

export class Chart {
  /**
   * timeline, bars: the elements to draw in; onView(view) after every move or zoom by the user;
   * onSelect(id, mark) when a mark is clicked; onFit() for the Home key.
   */
  constructor({ timeline, bars, onView, onSelect, onFit }) {
    this.timeline = timeline;
    this.svg = timeline.appendChild(s('svg', { class: 'timeline-svg', 'aria-hidden': 'true', focusable: 'false' }));
    this.bars = bars.appendChild(s('svg', { class: 'bars-svg', 'aria-hidden': 'true', focusable: 'false' }));
    this.onView = onView;
    this.onSelect = onSelect;
    this.onFit = onFit;
    this.view = { start: EARLIEST, end: EARLIEST + 365 };
    this.events = [];
    this.unloaded = [];
    this.stats = null;
    this.selected = null;
    this.frame = 0;
    this.listen();
    new ResizeObserver(() => this.schedule()).observe(timeline);
  }

  width() {
    return Math.max(240, this.timeline.clientWidth);
  }

  pixelsPerDay() {
    return this.width() / (this.view.end - this.view.start);
  }

  /** Shows [start, end) in days, within the zoom limits; `user` says the user moved it (then onView is told). */
  setView(start, end, user = false) {
    const span = Math.min(MAX_SPAN, Math.max(MIN_SPAN, end - start));
    let from = (start + end) / 2 - span / 2;
    from = Math.min(Math.max(from, EARLIEST), LATEST - span);
    this.view = { start: from, end: from + span };
    this.schedule();
    if (user) {
      this.onView(this.view);
    }
  }

  /** Zooms by a factor (0.5: twice as close) keeping `anchor` (a day) where it is on screen: the selected event, or the middle. */
  zoom(factor, anchor = this.selectedDay() ?? (this.view.start + this.view.end) / 2) {
    const { start, end } = this.view;
    const span = Math.min(MAX_SPAN, Math.max(MIN_SPAN, (end - start) * factor));
    const ratio = (anchor - start) / (end - start);
    this.setView(anchor - ratio * span, anchor - ratio * span + span, true);
  }

  /** Moves by a fraction of the visible span (negative: earlier). */
  pan(fraction) {
    const shift = (this.view.end - this.view.start) * fraction;
    this.setView(this.view.start + shift, this.view.end + shift, true);
  }

  setEvents(events) {
    this.events = events;
    this.schedule();
  }

  /** Day ranges [first, last] of the view that are not loaded (yet, while `loading`): drawn hatched. */
  setUnloaded(ranges, loading = false) {
    this.unloaded = ranges;
    this.loading = loading;
    this.schedule();
  }

  /** An /events/stats answer grouped by a period, or null. */
  setStats(stats) {
    this.stats = stats;
    this.schedule();
  }

  /** The first day of the selected event when it is in view. */
  selectedDay() {
    const event = this.events.find(e => e.id === this.selected);
    if (!event) return null;
    const [start, end] = spanOf(event);
    return end > this.view.start && start < this.view.end ? Math.max(start, this.view.start) : null;
  }

  setSelected(id) {
    this.selected = id;
    this.schedule();
  }

  schedule() {
    if (!this.frame) {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.render();
      });
    }
  }

  render() {
    const width = this.width();
    const perDay = this.pixelsPerDay();
    const x = day => (day - this.view.start) * perDay;
    this.renderTimeline(width, x, perDay);
    this.renderBars(width, x);
  }

  renderTimeline(width, x, perDay) {
    const items = [];
    for (const event of this.events) {
      const [start, end] = spanOf(event);
      if (end > this.view.start && start < this.view.end) {
        const x0 = x(start);
        items.push({ event, x0, x1: Math.max(x(end), x0 + MIN_MARK), span: end - start > 1 });
      }
    }
    let lanes = this.pack(items, width, true);
    if (lanes > MAX_LANES) {
      lanes = this.pack(items, width, false); // too crowded for titles: marks alone, titles in their tooltips
    }
    const overflow = lanes > MAX_LANES;
    const height = AXIS + Math.max(3, Math.min(lanes, MAX_LANES)) * LANE + (overflow ? LANE : 0) + 6;

    const root = this.svg;
    root.replaceChildren();
    root.setAttribute('viewBox', `0 0 ${width} ${height}`);
    root.setAttribute('width', width);
    root.setAttribute('height', height);
    root.append(s('defs', {},
      s('pattern', { id: 'unloaded-hatch', width: 8, height: 8, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
        s('rect', { width: 3, height: 8, class: 'hatch' }))));
    this.drawAxis(root, width, height, x, perDay);

    for (const [first, last] of this.unloaded) {
      const x0 = Math.max(0, x(first));
      const x1 = Math.min(width, x(last + 1));
      if (x1 - x0 >= 1) {
        root.append(s('rect', { class: 'unloaded', x: x0, y: AXIS - 4, width: x1 - x0, height: height - AXIS + 4, fill: 'url(#unloaded-hatch)' }));
        if (x1 - x0 > 110) {
          root.append(s('text', { class: 'unloaded-note', x: (x0 + x1) / 2, y: height - 8, 'text-anchor': 'middle' },
            this.loading ? 'loading…' : 'not loaded'));
        }
      }
    }

    const marks = s('g', { class: 'marks' });
    const hidden = new Map(); // column -> how many marks did not fit
    for (const item of items) {
      if (item.lane >= MAX_LANES) {
        const column = Math.floor(Math.max(0, item.x0) / 48);
        hidden.set(column, (hidden.get(column) ?? 0) + 1);
        continue;
      }
      marks.append(this.mark(item));
    }
    root.append(marks);
    for (const [column, count] of hidden) {
      root.append(s('text', { class: 'overflow', x: column * 48 + 2, y: AXIS + MAX_LANES * LANE + 12 },
        s('title', {}, `${count} more events here: zoom in to see them`), `+${count}`));
    }
  }

  /** Lanes for the items, with room for their titles when `withLabels`; returns how many lanes. */
  pack(items, width, withLabels) {
    for (const item of items) {
      item.label = null;
      if (withLabels) {
        item.label = labelPlace(item, width);
      }
      item.from = item.label ? Math.min(item.x0, item.label.x) : item.x0;
      item.to = item.label ? Math.max(item.x1, item.label.x + item.label.width) : item.x1;
    }
    return stack(items, LANE_GAP);
  }

  mark(item) {
    const { event } = item;
    const classes = ['mark', typeClass(event.type)];
    if (item.span) classes.push('span');
    if (event.id === this.selected) classes.push('selected');
    const group = s('g', { class: classes.join(' '), 'data-id': event.id, transform: `translate(0 ${AXIS + item.lane * LANE})` },
      s('title', {}, `${eventDate(event)} · ${typeLabel(event.type)} · ${event.title}`),
      s('rect', { x: item.x0, y: 0, width: item.x1 - item.x0, height: MARK, rx: item.span ? 2 : MARK / 2 }));
    if (item.label) {
      const text = fitText(event.title, item.label.width);
      if (text) {
        group.append(s('text', { x: item.label.x, y: MARK - 2 }, text));
      }
    }
    return group;
  }

  drawAxis(root, width, height, x, perDay) {
    const ticks = tickSetFor(perDay);
    const days = ticks.ticks(this.view.start, this.view.end);
    let firstMajor = Infinity;
    for (const day of days) {
      const tx = x(day);
      const major = ticks.major(day);
      root.append(s('line', { class: major ? 'grid major' : 'grid', x1: tx, x2: tx, y1: major ? 4 : 20, y2: height }));
      if (tx + 3 + textWidth(ticks.label(day)) <= width) {
        root.append(s('text', { class: 'tick', x: tx + 3, y: 34 }, ticks.label(day)));
      }
      if (major) {
        firstMajor = Math.min(firstMajor, tx);
        root.append(s('text', { class: 'tick major', x: tx + 3, y: 14 }, major));
      }
    }
    const context = ticks.context(this.view.start);
    if (context && firstMajor > 110) {
      root.append(s('text', { class: 'tick major', x: 3, y: 14 }, context));
    }
    root.append(s('line', { class: 'axis', x1: 0, x2: width, y1: 40, y2: 40 }));
  }

  renderBars(width, x) {
    const root = this.bars;
    root.replaceChildren();
    root.setAttribute('viewBox', `0 0 ${width} ${BARS_HEIGHT}`);
    root.setAttribute('width', width);
    root.setAttribute('height', BARS_HEIGHT);
    root.append(s('line', { class: 'axis', x1: 0, x2: width, y1: BARS_BASE + 0.5, y2: BARS_BASE + 0.5 }));
    if (!this.stats || this.stats.buckets.length === 0) {
      return;
    }
    const period = PERIODS[this.stats.groupBy];
    const most = Math.max(...this.stats.buckets.map(b => b.count));
    for (const bucket of this.stats.buckets) {
      const [start, end] = period.span(bucket.key);
      const x0 = x(start);
      const barWidth = Math.max(1, x(end) - x0 - 1);
      const barHeight = Math.max(2, (bucket.count / most) * (BARS_BASE - 16));
      const group = s('g', { class: 'bar' },
        s('title', {}, `${period.name(bucket.key)}: ${bucket.count.toLocaleString('en')} events`),
        s('rect', { x: x0 + 0.5, y: BARS_BASE - barHeight, width: barWidth, height: barHeight }));
      if (barWidth >= 22) {
        group.append(s('text', { x: x0 + 0.5 + barWidth / 2, y: BARS_BASE - barHeight - 3, 'text-anchor': 'middle' },
          bucket.count.toLocaleString('en')));
      }
      root.append(group);
    }
    root.append(s('text', { class: 'tick', x: 3, y: BARS_BASE + 13 },
      `${this.stats.groupBy === 'day' ? 'per day' : 'per ' + this.stats.groupBy} · highest ${most.toLocaleString('en')}`));
  }

  listen() {
    const element = this.timeline;
    element.addEventListener('wheel', event => {
      event.preventDefault();
      const perDay = this.pixelsPerDay();
      if (Math.abs(event.deltaX) > Math.abs(event.deltaY)) {
        this.setView(this.view.start + event.deltaX / perDay, this.view.end + event.deltaX / perDay, true);
      } else {
        const anchor = this.view.start + (event.clientX - element.getBoundingClientRect().left) / perDay;
        this.zoom(Math.exp(event.deltaY * 0.0015), anchor);
      }
    }, { passive: false });

    const pointers = new Map();
    let gesture = null;
    element.addEventListener('pointerdown', event => {
      if (event.button !== 0) return;
      this.dragged = false;
      pointers.set(event.pointerId, event.clientX);
      gesture = { view: { ...this.view }, startX: event.clientX, moved: gesture?.moved ?? false, spread: spread(pointers) };
    });
    element.addEventListener('pointermove', event => {
      if (!gesture || !pointers.has(event.pointerId)) return;
      pointers.set(event.pointerId, event.clientX);
      const perDay = this.width() / (gesture.view.end - gesture.view.start);
      if (pointers.size === 2 && gesture.spread > 0) {
        const middle = [...pointers.values()].reduce((a, b) => a + b) / 2 - element.getBoundingClientRect().left;
        const anchor = gesture.view.start + middle / perDay;
        const span = (gesture.view.end - gesture.view.start) * (gesture.spread / Math.max(1, spread(pointers)));
        this.setView(anchor - (middle / this.width()) * span, anchor - (middle / this.width()) * span + span, true);
        gesture.moved = true;
        return;
      }
      const dx = event.clientX - gesture.startX;
      if (!gesture.moved && Math.abs(dx) > DRAG_THRESHOLD) {
        gesture.moved = true;
        element.setPointerCapture(event.pointerId);
        element.classList.add('dragging');
      }
      if (gesture.moved) {
        this.setView(gesture.view.start - dx / perDay, gesture.view.end - dx / perDay, true);
      }
    });
    const end = event => {
      pointers.delete(event.pointerId);
      if (gesture && pointers.size === 0) {
        this.dragged = gesture.moved;
        gesture = null;
        element.classList.remove('dragging');
      } else if (gesture) {
        gesture = { view: { ...this.view }, startX: [...pointers.values()][0], moved: true, spread: 0 };
      }
    };
    element.addEventListener('pointerup', end);
    element.addEventListener('pointercancel', end);
    element.addEventListener('click', event => {
      if (this.dragged) {
        this.dragged = false; // the end of a drag, not a click
        return;
      }
      const mark = event.target.closest?.('.mark');
      if (mark) {
        this.onSelect(mark.dataset.id, mark);
      }
    });
    element.addEventListener('keydown', event => {
      const step = event.shiftKey ? 0.5 : 0.1;
      const actions = {
        ArrowLeft: () => this.pan(-step),
        ArrowRight: () => this.pan(step),
        ArrowUp: () => this.zoom(0.5),
        ArrowDown: () => this.zoom(2),
        '+': () => this.zoom(0.5),
        '=': () => this.zoom(0.5),
        '-': () => this.zoom(2),
        Home: () => this.onFit(),
      };
      if (actions[event.key] && !event.altKey && !event.ctrlKey && !event.metaKey) {
        event.preventDefault();
        actions[event.key]();
      }
    });
  }
}

function spread(pointers) {
  if (pointers.size !== 2) return 0;
  const [a, b] = [...pointers.values()];
  return Math.abs(a - b);
}

/** Where an item's title goes: inside a wide span, else right of the mark, else left of it; null when there is no room. */
function labelPlace(item, width) {
  const full = Math.min(textWidth(item.event.title), LABEL_MAX);
  const visibleStart = Math.max(item.x0, 0);
  const inside = Math.min(item.x1, width) - visibleStart - 8;
  if (item.span && inside >= Math.min(full, 60)) {
    return { x: visibleStart + 4, width: Math.min(full, inside) };
  }
  if (item.x1 + LABEL_GAP + full <= width) {
    return { x: item.x1 + LABEL_GAP, width: full };
  }
  if (item.x0 - LABEL_GAP - full >= 0) {
    return { x: item.x0 - LABEL_GAP - full, width: full };
  }
  const room = width - item.x1 - LABEL_GAP;
  return room >= 48 ? { x: item.x1 + LABEL_GAP, width: room } : null;
}
