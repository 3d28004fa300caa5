// Writes a reproducible (seeded) dataset for the benchmark:
//   companies.json             CompanyRequest bodies
//   events-NNN.csv             bulk-import chunks of 100,000 rows (--chunk N), in the export's columns (IMPORT_COLUMNS)
//   anchor-events-NNN.ndjson   with --anchor: the same events as bodies for the anchor app's POST /events
//   jsonserver-db.json         with --json-server: the first 100,000 events for json-server
// Usage: node generate.mjs <events> <companies> <outDir> [--seed N] [--chunk N] [--anchor] [--json-server]
//
// One event is one object with the service's field names (makeEvent); every file is a view of it. When
// the API gains a field (say amountKind): set it in makeEvent, then name it in IMPORT_COLUMNS once the
// service's import takes it (and in toAnchor if the anchor's table gets the column).
import { mkdirSync, writeFileSync, createWriteStream } from 'node:fs';
import { once } from 'node:events';

const args = process.argv.slice(2);
const VALUED = ['--seed', '--chunk'];
const positional = args.filter((a, i) => !a.startsWith('--') && !VALUED.includes(args[i - 1]));
const [events, companyCount, outDir] = [Number(positional[0]), Number(positional[1]), positional[2]];
const option = (name) => args.includes(name);
const value = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const CHUNK = value('--chunk', 100000);
if (!Number.isInteger(events) || !Number.isInteger(companyCount) || !outDir || !(CHUNK > 0)) {
  console.error('usage: node generate.mjs <events> <companies> <outDir> [--seed N] [--chunk N] [--anchor] [--json-server]');
  process.exit(2);
}
let seed = value('--seed', 20250127) >>> 0;

// mulberry32: small, fast and reproducible
function random() {
  seed = (seed + 0x6D2B79F5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];
function gaussian() {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

const WORDS = ('wafer foundry lithography export tariff subsidy memory packaging yield fab chiplet accelerator datacenter license '
  + 'merger antitrust smartphone sensor robotaxi quantum gallium germanium photonics interconnect substrate capacity node '
  + 'shortage inventory guidance earnings dividend buyback lawsuit patent embargo sanction ministry commerce investment '
  + 'plant expansion layoffs supplier customer contract design tapeout prototype benchmark inference training cluster').split(' ');
const SEGMENTS = ['FOUNDRY', 'FABLESS', 'IDM', 'EQUIPMENT', 'MEMORY', 'NETWORKING', 'CLOUD', 'AI_LAB', 'DEVICE_MAKER', 'AUTOMOTIVE',
  'SOFTWARE', 'INVESTOR', 'GOVERNMENT', 'OTHER'];
const COUNTRIES = ['US', 'TW', 'CN', 'KR', 'JP', 'NL', 'DE', 'FR', 'GB', 'IL', 'IN', 'SG'];
// A skewed mix: stock moves and product news are common, IPOs and awards rare.
const TYPES = [['STOCK_MOVE', 30], ['PRODUCT_LAUNCH', 15], ['MANUFACTURING', 12], ['PARTNERSHIP', 10], ['INVESTMENT', 8],
  ['REGULATORY_ACTION', 6], ['EXPORT_CONTROL', 4], ['ACQUISITION', 4], ['POLICY', 4], ['GOVERNMENT_AWARD', 3], ['IPO', 2], ['OTHER', 2]];
const TYPE_TOTAL = TYPES.reduce((s, [, w]) => s + w, 0);
// What an amount of each type measures (the kinds the service allows it); a stock move's follows its direction.
const KINDS = {
  PRODUCT_LAUNCH: ['COST'], MANUFACTURING: ['INVESTMENT', 'COST'], PARTNERSHIP: ['DEAL_VALUE', 'INVESTMENT'],
  INVESTMENT: ['INVESTMENT', 'VALUATION'], REGULATORY_ACTION: ['FINE', 'DEAL_VALUE'], EXPORT_CONTROL: ['FINE'],
  ACQUISITION: ['DEAL_VALUE'], POLICY: ['FUNDING_PROGRAM'], GOVERNMENT_AWARD: ['AWARD'], IPO: ['IPO_PROCEEDS', 'VALUATION'],
  OTHER: ['OTHER'],
};
// Chosen by the row's number, not by the random stream: the rest of the dataset stays what it was.
function amountKind(t, i, percentChange) {
  if (t !== 'STOCK_MOVE') return KINDS[t][i % KINDS[t].length];
  const change = Number(percentChange);
  return change < 0 ? 'MARKET_VALUE_LOSS' : change > 0 ? 'MARKET_VALUE_GAIN' : 'OTHER';
}
function type() {
  let r = random() * TYPE_TOTAL;
  for (const [name, weight] of TYPES) {
    if ((r -= weight) < 0) return name;
  }
  return 'OTHER';
}
const CURRENCIES = ['USD', 'USD', 'USD', 'EUR', 'TWD', 'JPY', 'CNY'];
const ROLES = ['SUBJECT', 'PARTNER', 'INVESTOR', 'RECIPIENT', 'SUPPLIER', 'CUSTOMER', 'AFFECTED'];
const TAGS = ['ai', 'hbm', 'euv', 'chips-act', 'us-china', 'ev', 'cloud', 'packaging', 'earnings', 'export-controls', 'tariffs', 'gpu'];
const START = Date.UTC(1990, 0, 1);
const SPAN = Date.UTC(2026, 10, 1) - START;

const companies = [];
for (let i = 0; i < companyCount; i++) {
  const name = `${pick(WORDS)[0].toUpperCase()}${pick(WORDS).slice(1)} ${pick(WORDS)} ${i}`;
  companies.push({ name, ticker: `T${i}`, exchange: pick(['Nasdaq', 'NYSE', 'TWSE', 'TSE', 'KRX']), country: pick(COUNTRIES),
    segment: pick(SEGMENTS) });
}

// The i-th event, every field present (null when absent). The order of the random() calls is the
// dataset: change it and every figure measured before stops being comparable.
function makeEvent(i) {
  const t = type();
  const occurredOn = new Date(START + Math.floor(random() * SPAN)).toISOString().slice(0, 10);
  const title = Array.from({ length: 3 + Math.floor(random() * 5) }, () => pick(WORDS)).join(' ');
  const summary = Array.from({ length: 8 + Math.floor(random() * 20) }, () => pick(WORDS)).join(' ') + '.';
  const hasAmount = t !== 'STOCK_MOVE' ? random() < 0.6 : random() < 0.3;
  const amount = hasAmount ? Math.round(Math.exp(gaussian() * 2.5 + 18)) : null;
  const currency = hasAmount ? pick(CURRENCIES) : null;
  const percentChange = t === 'STOCK_MOVE' ? (gaussian() * 6).toFixed(2) : null;
  const participants = [];
  const used = new Set();
  for (let p = 0, n = 1 + Math.floor(random() * 3); p < n; p++) {
    // a few companies appear far more often than the rest
    const index = Math.floor(Math.pow(random(), 3) * companies.length);
    if (used.has(index)) continue;
    used.add(index);
    participants.push({ company: companies[index].ticker, role: pick(ROLES) });
  }
  const tags = [...new Set(Array.from({ length: Math.floor(random() * 5) }, () => pick(TAGS)))];
  const country = pick(COUNTRIES);
  const kind = hasAmount ? amountKind(t, i, percentChange) : null;
  return { type: t, occurredOn, title, summary, amount, amountKind: kind, currency, percentChange, country, participants, tags,
    externalId: `bench-${i}` };
}

// The bulk import's CSV: the export's column names; arrays of objects as a JSON cell, tags joined by ';'.
const IMPORT_COLUMNS = ['type', 'occurredOn', 'title', 'summary', 'amount', 'amountKind', 'currency', 'percentChange', 'country', 'participants',
  'tags', 'externalId'];
const csvCell = (value) => {
  if (value === null || value === undefined) return '';
  const text = Array.isArray(value) ? (value.every((v) => typeof v === 'string') ? value.join(';') : JSON.stringify(value))
    : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};
const toCsv = (event) => IMPORT_COLUMNS.map((column) => csvCell(event[column])).join(',');

// The anchor app has the event table only (no participants or tags); it fills createdAt, searchText, version.
const toAnchor = ({ type: t, occurredOn, title, summary, amount, currency, percentChange, country, externalId }) =>
  JSON.stringify({ type: t, occurredOn, title, summary, amount, currency,
    percentChange: percentChange === null ? null : Number(percentChange), country, externalId });

const toJsonServer = (event, i) => ({ id: i + 1, type: event.type, occurredOn: event.occurredOn, title: event.title,
  summary: event.summary, amount: event.amount, amountKind: event.amountKind, currency: event.currency,
  percentChange: event.percentChange === null ? null : Number(event.percentChange), tags: event.tags,
  participants: event.participants });

// A stream per chunk of CHUNK events, so that the app's import and the anchor's loader read bounded files.
const JSON_SERVER_EVENTS = 100000;
class ChunkedWriter {
  constructor(prefix, suffix, header) {
    Object.assign(this, { prefix, suffix, header, out: null });
  }

  async write(i, line) {
    if (i % CHUNK === 0) {
      await this.close();
      this.out = createWriteStream(`${outDir}/${this.prefix}-${String(i / CHUNK).padStart(3, '0')}.${this.suffix}`);
      if (this.header) this.out.write(this.header);
    }
    if (!this.out.write(line)) await once(this.out, 'drain');
  }

  async close() {
    if (this.out) {
      this.out.end();
      await once(this.out, 'finish');
      this.out = null;
    }
  }
}

mkdirSync(outDir, { recursive: true });
writeFileSync(`${outDir}/companies.json`, JSON.stringify(companies));
const csv = new ChunkedWriter('events', 'csv', `${IMPORT_COLUMNS.join(',')}\r\n`);
const anchor = option('--anchor') ? new ChunkedWriter('anchor-events', 'ndjson', '') : null;
const jsonServer = option('--json-server') ? [] : null;
for (let i = 0; i < events; i++) {
  const event = makeEvent(i);
  await csv.write(i, `${toCsv(event)}\r\n`);
  if (anchor) await anchor.write(i, `${toAnchor(event)}\n`);
  if (jsonServer && i < JSON_SERVER_EVENTS) jsonServer.push(toJsonServer(event, i));
}
await csv.close();
if (anchor) await anchor.close();
if (jsonServer) writeFileSync(`${outDir}/jsonserver-db.json`, JSON.stringify({ events: jsonServer }));
console.log(`generated ${events} events, ${companyCount} companies in ${outDir}${anchor ? ' (with the anchor\'s bodies)' : ''}`);
