// Sends single POSTs, BENCH_CONNECTIONS (32) at a time over kept-alive connections, and prints one line:
// "posted=N errors=E ms=T rate=R" (errors: answers other than 201, and failed requests).
//   node post.mjs <url> --files a.ndjson b.ndjson   one POST per line (the anchor's load through its own API)
//   node post.mjs <url> --count N                   N small events (single writes to the service)
// BENCH_KEY, when set, is sent as X-API-Key. The first few errors are printed to stderr.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

const [url, mode, ...rest] = process.argv.slice(2);
if (!url || !['--files', '--count'].includes(mode)) {
  console.error('usage: node post.mjs <url> --files <ndjson>... | --count <n>');
  process.exit(2);
}
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const headers = { 'Content-Type': 'application/json' };
if (process.env.BENCH_KEY) headers['X-API-Key'] = process.env.BENCH_KEY;

async function* fromFiles(files) {
  for (const file of files) {
    for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
      if (line.trim()) yield line;
    }
  }
}

const TYPES = ['PRODUCT_LAUNCH', 'MANUFACTURING', 'PARTNERSHIP', 'INVESTMENT'];
// What each type's amount measures (a kind the service allows the type).
const KINDS = { PRODUCT_LAUNCH: 'COST', MANUFACTURING: 'INVESTMENT', PARTNERSHIP: 'DEAL_VALUE', INVESTMENT: 'INVESTMENT' };
function* generated(count) {
  for (let i = 0; i < count; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const type = TYPES[i % TYPES.length];
    yield JSON.stringify({ type, occurredOn: `2025-02-${day}`, title: `bench single write ${i}`,
      summary: 'one of the single writes of the benchmark', amount: 1000 + i, amountKind: KINDS[type], currency: 'USD', tags: ['bench'] });
  }
}

const bodies = mode === '--files' ? fromFiles(rest) : generated(Number(rest[0]));
let posted = 0;
let errors = 0;
let next = bodies[Symbol.asyncIterator] ? bodies[Symbol.asyncIterator]() : bodies[Symbol.iterator]();
async function take() {
  const item = await next.next();
  return item.done ? null : item.value;
}
async function worker() {
  for (let body = await take(); body !== null; body = await take()) {
    try {
      const answer = await fetch(url, { method: 'POST', headers, body });
      const text = await answer.text();
      if (answer.status !== 201) {
        if (errors++ < 5) console.error(`POST ${url}: ${answer.status} ${text.slice(0, 300)}`);
      }
    } catch (e) {
      if (errors++ < 5) console.error(`POST ${url}: ${e.message}`);
    }
    posted++;
  }
}
const started = performance.now();
await Promise.all(Array.from({ length: connections }, worker));
const ms = Math.round(performance.now() - started);
next = null;
console.log(`posted=${posted} errors=${errors} ms=${ms} rate=${Math.round(posted * 1000 / Math.max(ms, 1))}`);
