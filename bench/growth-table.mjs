// Turns bench/growth.sh's results (database:size, who, scenario, key, value) into the growth table, in
// Markdown on stdout: a table per database, a row per size; list scenarios as requests/s with p50 and p99.
// Usage: node growth-table.mjs <results.tsv> [--sections DIR] [--machine TEXT --duration S --connections N
//        --command TEXT --pg-opts FLAGS --h2-opts FLAGS]; --sections DIR also writes DIR/growth-<db>.md per database.
import { readFileSync, writeFileSync } from 'node:fs';

const [file, ...rest] = process.argv.slice(2);
const options = {};
for (let i = 0; i < rest.length; i += 2) options[rest[i].replace(/^--/, '')] = rest[i + 1] ?? '';
const results = new Map();
const labels = [];
for (const line of readFileSync(file, 'utf8').split('\n')) {
  const [label, , scenario, key, value] = line.split('\t');
  if (value === undefined || value === '') continue;
  if (!labels.includes(label)) labels.push(label);
  results.set(`${label}|${scenario}|${key}`, Number(value));
}
const get = (label, scenario, key) => results.get(`${label}|${scenario}|${key}`) ?? null;
const n = (v, digits = 0) => (v === null ? '—' : v.toLocaleString('en-US', { maximumFractionDigits: digits,
  minimumFractionDigits: digits }));
const ms = (v) => (v === null ? '—' : n(v, v < 10 ? 1 : 0));
const list = (label, scenario) => `${n(get(label, scenario, 'rps'))}/s, ${ms(get(label, scenario, 'p50_ms'))} / `
  + `${ms(get(label, scenario, 'p99_ms'))} ms`;
const NAMES = { postgresql: 'PostgreSQL', h2: 'H2' };

// One table per database: a run of one database (BENCH_DBS) leaves the other's in place.
function table(db) {
  const flags = db === 'h2' ? options['h2-opts'] : options['pg-opts'];
  const out = [];
  out.push(`Measured ${new Date().toISOString().slice(0, 10)} on one machine (${options.machine ?? 'this machine'}), `
    + `${options.connections ?? 32} connections, ${options.duration ?? '?'} s a scenario. Command: `
    + `\`${options.command ?? 'bash bench/run.sh --growth'}\`; JVM flags ${flags ? `\`${flags}\`` : 'none'} `
    + `(${db === 'h2' ? 'the README\'s command' : 'the Dockerfile\'s, sized as in the 512 MiB pod'}). One database grows by imports; `
    + 'the import rate is that of the step which reached the size. List scenarios: requests/s, p50 / p99.');
  out.push('');
  out.push('| events | import (this step) | first page | deep page (half-way) | type + date page | full text (two words) '
    + '| stats by month, uncached (median) | GET by id (cache off) |');
  out.push('|---|---|---|---|---|---|---|---|');
  for (const label of labels.filter((l) => l.startsWith(`${db}:`))) {
    out.push(`| ${n(Number(label.split(':')[1]))} | ${n(get(label, 'import', 'rows_s'))} rows/s | ${list(label, 'first-page')} `
      + `| ${list(label, 'deep-page')} | ${list(label, 'type-date')} | ${list(label, 'full-text')} `
      + `| ${ms(get(label, 'stats-uncached', 'p50_ms'))} ms | ${n(get(label, 'get-by-id', 'rps'))}/s |`);
  }
  return out.join('\n');
}

const dbs = [...new Set(labels.map((l) => l.split(':')[0]))];
for (const db of dbs) {
  if (options.sections) writeFileSync(`${options.sections}/growth-${db}.md`, `${table(db)}\n`);
  console.log(`### ${NAMES[db] ?? db}\n\n${table(db)}\n`);
}

const errors = [];
for (const [k, v] of results) {
  const [label, scenario, key] = k.split('|');
  if ((key === 'errors' && v > 0) || (key === 'requests' && v === 0)) errors.push(`${scenario} (${label}): ${key} ${v}`);
}
if (errors.length) {
  console.error(`== Failed scenarios:\n   ${errors.join('\n   ')}`);
  process.exitCode = 1;
}
