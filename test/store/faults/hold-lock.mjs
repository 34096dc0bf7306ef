// Holds an exclusive flock on the file named in argv[2] until killed: a writer stuck mid-append.
import { openSync } from 'node:fs';
import { createRequire } from 'node:module';

const { flockSync } = createRequire(import.meta.url)('fs-ext');
const fd = openSync(process.argv[2], 'r+');
flockSync(fd, 'ex');
process.stdout.write('locked\n');
setInterval(() => {}, 1 << 30);
