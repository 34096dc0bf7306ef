/** An in-memory terminal for running commands through `main(argv, io)` in tests. */
import { memoryIo } from '../../src/cli/io.ts';

export function recordingIo(stderrIsTty = false) {
  const io = memoryIo({ stderrIsTty });
  return { io, out: io.stdout, err: io.stderr };
}
