// Calendar arithmetic on day numbers (days since 1970-01-01, UTC): the API's dates are plain dates,
// so the page never lets a time zone move an event to another day.

export const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2025-01-27" -> its day number. */
export function dayOf(iso) {
  const [year, month, date] = iso.split('-').map(Number);
  return Date.UTC(year, month - 1, date) / DAY_MS;
}

/** A day number (fractions are dropped) -> "2025-01-27". */
export function isoOf(day) {
  return new Date(Math.floor(day) * DAY_MS).toISOString().slice(0, 10);
}

/** True for a real calendar date written yyyy-mm-dd (not 2025-02-30). */
export function isIsoDate(text) {
  return ISO_DATE.test(text ?? '') && isoOf(dayOf(text)) === text;
}

function parts(day) {
  const date = new Date(Math.floor(day) * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth(), date: date.getUTCDate() };
}

/** The first day of a month; months beyond 0..11 roll into the next or previous years. */
function monthStart(year, month) {
  return Date.UTC(year, month, 1) / DAY_MS;
}

/** The days an event covers, [start, end): one day, or the whole month, quarter or year it is dated to. */
export function spanOf(event) {
  const start = dayOf(event.occurredOn);
  const { year, month } = parts(start);
  switch (event.datePrecision) {
    case 'MONTH': return [start, monthStart(year, month + 1)];
    case 'QUARTER': return [start, monthStart(year, month - (month % 3) + 3)];
    case 'YEAR': return [start, monthStart(year + 1, 0)];
    default: return [start, start + 1];
  }
}

const LONG = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const SHORT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const MONTH_YEAR = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const MONTH_SHORT = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' });

function asDate(day) {
  return new Date(Math.floor(day) * DAY_MS);
}

/** "27 January 2025", "January 2025", "Q1 2025" or "2025", as precise as the event's date. */
export function eventDate(event) {
  const day = dayOf(event.occurredOn);
  const { year, month } = parts(day);
  switch (event.datePrecision) {
    case 'MONTH': return MONTH_YEAR.format(asDate(day));
    case 'QUARTER': return `Q${Math.floor(month / 3) + 1} ${year}`;
    case 'YEAR': return String(year);
    default: return LONG.format(asDate(day));
  }
}

/** "27 Jan 2025". */
export function shortDate(day) {
  return SHORT.format(asDate(day));
}

/** What a precision means, for the details panel. */
export function precisionWords(precision) {
  return { MONTH: 'dated to the month', QUARTER: 'dated to the quarter', YEAR: 'dated to the year' }[precision] ?? 'exact day';
}

// ---- ticks of the time axis ---------------------------------------------------------------------------

/**
 * Tick sets from fine to coarse. `days` is a tick's typical distance; `ticks` lists the tick days in
 * [start, end]; `label` names a tick; `major` (when present) names the bigger period a tick starts.
 */
const TICK_SETS = [
  dayTicks(1, 24),
  dayTicks(7, 30),
  monthTicks(1, 34, d => MONTH_SHORT.format(asDate(d))),
  monthTicks(3, 34, d => `Q${Math.floor(parts(d).month / 3) + 1}`),
  yearTicks(1, 40),
  yearTicks(2, 40),
  yearTicks(5, 40),
  yearTicks(10, 40),
  yearTicks(20, 40),
];

function dayTicks(step, minPixels) {
  return {
    days: step,
    minPixels,
    ticks(start, end) {
      const out = [];
      for (let day = Math.floor(start); day <= end; day++) {
        const date = parts(day).date;
        // every `step`-th day of each month, and never a lone tick just before the 1st
        if ((date - 1) % step === 0 && (step === 1 || date < 27)) {
          out.push(day);
        }
      }
      return out;
    },
    label: day => String(parts(day).date),
    major: day => (parts(day).date === 1 ? MONTH_YEAR.format(asDate(day)) : null),
    context: day => MONTH_YEAR.format(asDate(day)),
  };
}

function monthTicks(step, minPixels, label) {
  return {
    days: 30.44 * step,
    minPixels,
    ticks(start, end) {
      const first = parts(start);
      const out = [];
      for (let month = first.month - (first.month % step), day = monthStart(first.year, month); day <= end;
        month += step, day = monthStart(first.year, month)) {
        if (day >= start) {
          out.push(day);
        }
      }
      return out;
    },
    label,
    major: day => (parts(day).month === 0 ? String(parts(day).year) : null),
    context: day => String(parts(day).year),
  };
}

function yearTicks(step, minPixels) {
  return {
    days: 365.25 * step,
    minPixels,
    ticks(start, end) {
      const out = [];
      const first = parts(start).year;
      for (let year = first - (((first % step) + step) % step), day = monthStart(year, 0); day <= end;
        year += step, day = monthStart(year, 0)) {
        if (day >= start) {
          out.push(day);
        }
      }
      return out;
    },
    label: day => String(parts(day).year),
    major: () => null,
    context: () => null,
  };
}

/** The finest tick set whose labels do not collide at this many pixels per day. */
export function tickSetFor(pixelsPerDay) {
  return TICK_SETS.find(set => set.days * pixelsPerDay >= set.minPixels) ?? TICK_SETS[TICK_SETS.length - 1];
}

// ---- the periods of /events/stats --------------------------------------------------------------------

/** The statistics' periods, from fine to coarse: their typical length and each bucket key's [start, end). */
export const PERIODS = {
  day: { days: 1, span: key => [dayOf(key), dayOf(key) + 1], name: key => shortDate(dayOf(key)) },
  week: {
    days: 7,
    span(key) {
      const [year, week] = key.split('-W').map(Number);
      const january4 = monthStart(year, 0) + 3;
      const monday = january4 - ((asDate(january4).getUTCDay() + 6) % 7) + (week - 1) * 7;
      return [monday, monday + 7];
    },
    name(key) {
      const [year, week] = key.split('-W').map(Number);
      return `week ${week} of ${year} (from ${shortDate(PERIODS.week.span(key)[0])})`;
    },
  },
  month: {
    days: 30.44,
    span(key) {
      const [year, month] = key.split('-').map(Number);
      return [monthStart(year, month - 1), monthStart(year, month)];
    },
    name: key => MONTH_YEAR.format(asDate(PERIODS.month.span(key)[0])),
  },
  quarter: {
    days: 91.31,
    span(key) {
      const [year, quarter] = key.split('-Q').map(Number);
      return [monthStart(year, (quarter - 1) * 3), monthStart(year, quarter * 3)];
    },
    name: key => key.replace(/^(\d+)-Q(\d)$/, 'Q$2 $1'),
  },
  year: { days: 365.25, span: key => [monthStart(Number(key), 0), monthStart(Number(key) + 1, 0)], name: key => key },
};

/** The finest period whose bars are at least a few pixels wide: per day when zoomed in, per year for decades. */
export function periodFor(pixelsPerDay) {
  return Object.keys(PERIODS).find(name => PERIODS[name].days * pixelsPerDay >= 6) ?? 'year';
}
