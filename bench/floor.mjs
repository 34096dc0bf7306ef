// The floor of `npm run bench`: what any tool must at least do with a log, in plain Node: read
// the file and JSON.parse every line. Usage: node bench/floor.mjs LOG
import { readFileSync } from 'node:fs';

const text = readFileSync(process.argv[2], 'utf8');
let lines = 0;
let start = 0;
for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
  JSON.parse(text.slice(start, end));
  lines++;
  start = end + 1;
}
process.stdout.write(`${lines}\n`);
