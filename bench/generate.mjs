// Writes a reproducible (seeded) dataset for the benchmark: companies.json (CompanyRequest bodies),
// events-NNN.csv (import chunks with the export's columns) and jsonserver-db.json (the first
// 100,000 events for json-server). Usage: node generate.mjs <events> <companies> <outDir> [seed]
import { mkdirSync, writeFileSync, createWriteStream } from 'node:fs';
import { once } from 'node:events';

const [events, companyCount, outDir, seedArg] = [Number(process.argv[2]), Number(process.argv[3]), process.argv[4], process.argv[5]];
let seed = Number(seedArg ?? 20250127) >>> 0;
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

mkdirSync(outDir, { recursive: true });
const companies = [];
for (let i = 0; i < companyCount; i++) {
  const name = `${pick(WORDS)[0].toUpperCase()}${pick(WORDS).slice(1)} ${pick(WORDS)} ${i}`;
  companies.push({ name, ticker: `T${i}`, exchange: pick(['Nasdaq', 'NYSE', 'TWSE', 'TSE', 'KRX']), country: pick(COUNTRIES),
    segment: pick(SEGMENTS) });
}
writeFileSync(`${outDir}/companies.json`, JSON.stringify(companies));

const csvCell = (value) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
const start = Date.UTC(1990, 0, 1);
const span = Date.UTC(2026, 10, 1) - start;
const chunk = 100000;
const jsonServer = [];
let out = null;
for (let i = 0; i < events; i++) {
  if (i % chunk === 0) {
    if (out) { out.end(); await once(out, 'finish'); }
    out = createWriteStream(`${outDir}/events-${String(i / chunk).padStart(3, '0')}.csv`);
    out.write('type,occurredOn,title,summary,amount,amountKind,currency,percentChange,country,participants,tags,externalId\r\n');
  }
  const t = type();
  const occurredOn = new Date(start + Math.floor(random() * span)).toISOString().slice(0, 10);
  const title = Array.from({ length: 3 + Math.floor(random() * 5) }, () => pick(WORDS)).join(' ');
  const summary = Array.from({ length: 8 + Math.floor(random() * 20) }, () => pick(WORDS)).join(' ') + '.';
  const hasAmount = t !== 'STOCK_MOVE' ? random() < 0.6 : random() < 0.3;
  const amount = hasAmount ? Math.round(Math.exp(gaussian() * 2.5 + 18)) : '';
  const currency = hasAmount ? pick(CURRENCIES) : '';
  const percentChange = t === 'STOCK_MOVE' ? (gaussian() * 6).toFixed(2) : '';
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
  const kind = hasAmount ? amountKind(t, i, percentChange) : '';
  const row = [t, occurredOn, title, summary, amount, kind, currency, percentChange, pick(COUNTRIES), JSON.stringify(participants),
    tags.join(';'), `bench-${i}`];
  out.write(row.map((v) => csvCell(String(v))).join(',') + '\r\n');
  if (i < 100000) {
    jsonServer.push({ id: i + 1, type: t, occurredOn, title, summary, amount: amount === '' ? null : amount, amountKind: kind || null,
      currency: currency || null, percentChange: percentChange === '' ? null : Number(percentChange), tags, participants });
  }
}
out.end();
await once(out, 'finish');
writeFileSync(`${outDir}/jsonserver-db.json`, JSON.stringify({ events: jsonServer }));
console.log(`generated ${events} events, ${companyCount} companies in ${outDir}`);
