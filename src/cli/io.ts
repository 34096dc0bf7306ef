/** The terminal as the commands see it: two streams, whether each is a terminal, and colour. */
export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly stdoutIsTty: boolean;
  readonly stderrIsTty: boolean;
  /** Colour on stdout: only on a terminal, never with NO_COLOR set (no-color.org). */
  readonly color: boolean;
  /** The width of the terminal stdout writes to, in columns; absent when stdout is not a terminal. */
  readonly columns?: number;
  /** Directory that relative paths are resolved against. */
  readonly cwd: string;
  /** Set by Ctrl-C, for long runs that stop cleanly and report what was done. */
  readonly interrupted: () => boolean;
}

export function processIo(): Io {
  let interrupted = false;
  const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '';
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    stdoutIsTty: process.stdout.isTTY === true,
    stderrIsTty: process.stderr.isTTY === true,
    color: process.stdout.isTTY === true && !noColor,
    ...(process.stdout.isTTY === true && process.stdout.columns > 0 && { columns: process.stdout.columns }),
    cwd: process.cwd(),
    interrupted: () => {
      if (process.listenerCount('SIGINT') === 0) {
        process.once('SIGINT', () => {
          interrupted = true;
        });
      }
      return interrupted;
    },
  };
}

/** An in-memory terminal that keeps what a command writes: for tests, benchmarks and embedding. */
export interface MemoryIo extends Io {
  readonly stdout: () => string;
  readonly stderr: () => string;
}

export function memoryIo(
  options: {
    readonly color?: boolean;
    readonly stderrIsTty?: boolean;
    readonly cwd?: string;
    readonly columns?: number;
  } = {},
): MemoryIo {
  let stdout = '';
  let stderr = '';
  return {
    out: (text) => {
      stdout += text;
    },
    err: (text) => {
      stderr += text;
    },
    stdoutIsTty: options.color ?? false,
    stderrIsTty: options.stderrIsTty ?? false,
    color: options.color ?? false,
    ...(options.columns !== undefined && { columns: options.columns }),
    cwd: options.cwd ?? process.cwd(),
    interrupted: () => false,
    stdout: () => stdout,
    stderr: () => stderr,
  };
}
