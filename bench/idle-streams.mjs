// Opens N Server-Sent Events streams on /api/v1/changes and holds them: prints "open N" once every stream
// has its first message, then, for each line read on stdin, "events N" (how many streams received at least
// that many CREATE events) ; ends on stdin's end, closing every stream.
import http from 'node:http';
import readline from 'node:readline';

const [base, count] = [process.argv[2], Number(process.argv[3] ?? 500)];
const agent = new http.Agent({keepAlive: true, maxSockets: Infinity});
const streams = [];
let opened = 0;
let failed = 0;

for (let i = 0; i < count; i++) {
  const stream = {events: 0, comments: 0, request: null};
  streams.push(stream);
  stream.request = http.get(`${base}/api/v1/changes`, {agent, headers: {Accept: 'text/event-stream'}}, (response) => {
    if (response.statusCode !== 200) {
      failed++;
      response.resume();
      return;
    }
    response.setEncoding('utf8');
    let first = true;
    response.on('data', (chunk) => {
      if (first) {
        first = false;
        opened++;
        if (opened + failed === count) console.log(`open ${opened} failed ${failed}`);
      }
      stream.events += (chunk.match(/^event: ?CREATE$/gm) || []).length;
      stream.comments += (chunk.match(/^: ?keep-alive$/gm) || []).length;
    });
  });
  stream.request.on('error', () => { failed++; });
}

const input = readline.createInterface({input: process.stdin});
input.on('line', (line) => {
  const want = Number(line) || 1;
  const got = streams.filter((s) => s.events >= want).length;
  const beats = streams.filter((s) => s.comments >= 1).length;
  console.log(`events ${got} keep-alive ${beats}`);
});
input.on('close', () => {
  streams.forEach((s) => s.request.destroy());
  process.exit(0);
});
