// Prints the cursor of the page that starts half-way down the default order (-occurredOn, then id), found
// by walking pages of 200 the way a client would: the deep page's starting point.
// Usage: node cursor.mjs <base> <events>
const [base, events] = [process.argv[2], Number(process.argv[3])];
const pages = Math.floor(events / 2 / 200);
let cursor = null;
for (let page = 1; page <= pages; page++) {
  const answer = await fetch(`${base}/api/v1/events?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
  if (answer.status !== 200) throw new Error(`page ${page}: ${answer.status} ${await answer.text()}`);
  cursor = (await answer.json()).nextCursor;
  if (!cursor) throw new Error(`no next cursor after page ${page} of ${pages}`);
}
console.log(cursor ?? '');
