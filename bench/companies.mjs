// Creates the benchmark's companies through the API, 16 at a time. Usage: node companies.mjs <base> <key> <companies.json>
import { readFileSync } from 'node:fs';

const [base, key, file] = process.argv.slice(2);
const companies = JSON.parse(readFileSync(file, 'utf8'));
let next = 0;
async function worker() {
  while (next < companies.length) {
    const body = JSON.stringify(companies[next++]);
    const answer = await fetch(`${base}/api/v1/companies`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-API-Key': key }, body });
    if (answer.status !== 201) throw new Error(`company: ${answer.status} ${await answer.text()}`);
  }
}
await Promise.all(Array.from({ length: 16 }, worker));
console.log(`created ${companies.length} companies`);
