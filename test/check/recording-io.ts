/** An in-memory terminal for running commands through `main(argv, io)` in tests. */
import type { Io } from '../../src/cli/io.ts';

export function recordingIo(stderrIsTty = false) {
  let out = '';
  let err = '';
  const io: Io = {
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
    stdoutIsTty: false,
    stderrIsTty,
    color: false,
    cwd: process.cwd(),
    interrupted: () => false,
  };
  return { io, out: () => out, err: () => err };
}
