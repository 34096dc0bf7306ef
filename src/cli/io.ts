import { writeSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { describeErrno } from '../store/errno.ts';
import { terminalSafe } from './render/terminal-text.ts';

/** The terminal as the commands see it: two streams, whether each is a terminal, and colour. */
export interface Io {
  readonly out: (text: string) => void;
  /**
   * UTF-8 bytes for stdout, written as they are: the caller made them safe for a terminal
   * ({@link terminalSafe}) when they were text. Pieces may end inside a character.
   */
  readonly outBytes: (bytes: Uint8Array) => void;
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

/**
 * A reader that went away (`dealsim simulate big.jsonl | head -1`) is not an error: like `cat`,
 * dealsim stops writing and exits quietly instead of printing Node's unhandled EPIPE stack. Any
 * other failure to write (a full disk: `> /dev/full`) is said in one paragraph on stderr, with
 * exit 2, as for an output file that cannot be written.
 */
const guarded = new WeakSet<NodeJS.WriteStream>();
function exitQuietlyOnClosedPipe(stream: NodeJS.WriteStream, name: string): void {
  if (guarded.has(stream)) return;
  guarded.add(stream);
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') process.exit(0);
    try {
      // Synchronous: the process exits next, and stderr may be the stream that failed.
      writeSync(
        2,
        `dealsim: cannot write to ${name} (${error.code ?? 'error'}: ${describeErrno(error.code)}). Fix: ${error.code === 'ENOSPC' || error.code === 'EDQUOT' ? 'free some space, or send the output somewhere else' : 'send the output somewhere else'}.\n`,
      );
    } catch {
      // stderr cannot be written either: the exit code says it.
    }
    process.exit(2);
  });
}

export function processIo(): Io {
  let interrupted = false;
  const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '';
  const color = process.stdout.isTTY === true && !noColor;
  exitQuietlyOnClosedPipe(process.stdout, 'standard output');
  exitQuietlyOnClosedPipe(process.stderr, 'standard error');
  const write = (stream: NodeJS.WriteStream, text: string | Uint8Array) => {
    if (!stream.destroyed && stream.writable) stream.write(text);
  };
  return {
    out: (text) => write(process.stdout, terminalSafe(text, color)),
    outBytes: (bytes) => write(process.stdout, bytes),
    err: (text) => write(process.stderr, text),
    stdoutIsTty: process.stdout.isTTY === true,
    stderrIsTty: process.stderr.isTTY === true,
    color,
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
  const bytes = new StringDecoder('utf8');
  return {
    out: (text) => {
      stdout += bytes.end();
      stdout += terminalSafe(text, options.color ?? false);
    },
    outBytes: (piece) => {
      stdout += bytes.write(Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength));
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
    stdout: () => {
      stdout += bytes.end();
      return stdout;
    },
    stderr: () => stderr,
  };
}
