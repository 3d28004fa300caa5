// Puts a generated section into docs/benchmarks.md between its markers, leaving the rest of the page
// (the hand-written analysis, earlier rounds) as it is.
// Usage: node docs.mjs <page.md> <name> <section.md>   (markers: <!-- bench:NAME:start --> ... <!-- bench:NAME:end -->)
import { readFileSync, writeFileSync } from 'node:fs';

const [page, name, sectionFile] = process.argv.slice(2);
const start = `<!-- bench:${name}:start -->`;
const end = `<!-- bench:${name}:end -->`;
const text = readFileSync(page, 'utf8');
const from = text.indexOf(start);
const to = text.indexOf(end);
if (from < 0 || to < from) {
  console.error(`${page} has no ${start} ... ${end} markers: add them where the ${name} table belongs`);
  process.exit(1);
}
const section = readFileSync(sectionFile, 'utf8').trim();
writeFileSync(page, `${text.slice(0, from + start.length)}\n${section}\n${text.slice(to)}`);
