/**
 * Replays one long log on the lean fold while streaming it, in its own process so that peak RSS
 * measures the replay alone. Prints {"seconds", "parseSeconds", "peakRssMb", "events"} as JSON.
 * Usage: node --import tsx bench/long-replay.ts LOG
 */
import { compiledModule } from './compiled.ts';

// The compiled library, as users run it (bench/compiled.ts).
const { DEFAULT_ASSUMPTIONS } =
  await compiledModule<typeof import('../src/domain/assumptions.ts')>('domain/assumptions.ts');
const { foldEvents } = await compiledModule<typeof import('../src/kernel/fold.ts')>('kernel/fold.ts');
const { streamLog } = await compiledModule<typeof import('../src/store/log-stream.ts')>('store/log-stream.ts');

const file = process.argv[2];
if (!file) throw new Error('usage: long-replay.ts LOG');
// Reading and validating alone, then the replay; each pass streams the file from disk.
let parsed = 0;
const parseStarted = performance.now();
for (const _ of streamLog(file)) parsed++;
const parseSeconds = (performance.now() - parseStarted) / 1000;
const started = performance.now();
const folded = foldEvents(streamLog(file), { assumptions: DEFAULT_ASSUMPTIONS });
const seconds = (performance.now() - started) / 1000;
const peakRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(
  `${JSON.stringify({ seconds, parseSeconds, parsed, peakRssMb, events: folded.events, verdicts: folded.verdicts })}\n`,
);
