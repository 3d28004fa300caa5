// Stacking: events that would overlap on the time axis (several on one day, or a label running into
// the next mark) go to separate lanes, so no mark hides another.

/**
 * Gives each item ({from, to} in pixels) the first lane whose last item ends at least `gap` before it
 * starts, in order of `from`; returns the number of lanes used. Items are changed in place (item.lane).
 */
export function stack(items, gap) {
  items.sort((a, b) => a.from - b.from || a.to - b.to);
  const laneEnds = [];
  for (const item of items) {
    let lane = laneEnds.findIndex(end => end + gap <= item.from);
    if (lane < 0) {
      lane = laneEnds.length;
      laneEnds.push(0);
    }
    laneEnds[lane] = item.to;
    item.lane = lane;
  }
  return laneEnds.length;
}
