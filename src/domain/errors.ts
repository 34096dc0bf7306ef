/**
 * Errors meant for people. The core throws these; the CLI prints them as one paragraph
 * (where, what is wrong, how to fix it) and exits with {@link DealsimError.exitCode}.
 */
export interface ErrorPlace {
  /** The file the problem is in, as the user named it. */
  readonly file?: string;
  /** 1-based line number in that file. */
  readonly line?: number;
  /** What would make the input valid. */
  readonly hint?: string;
}

/**
 * An error for people: what is wrong, where (`file`, `line`) and how to fix it (`hint`); `exitCode`
 * is the command's exit code. `describe()` gives the one paragraph the CLI prints.
 */
export abstract class DealsimError extends Error {
  abstract readonly exitCode: number;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly hint: string | undefined;

  constructor(message: string, place: ErrorPlace = {}) {
    super(message);
    this.name = new.target.name;
    this.file = place.file;
    this.line = place.line;
    this.hint = place.hint;
  }

  /** The same error placed in a file (and line) that the thrower did not know. */
  at(place: ErrorPlace): this {
    const copy = Object.create(Object.getPrototypeOf(this)) as this;
    Object.assign(copy, this, {
      file: place.file ?? this.file,
      line: place.line ?? this.line,
      hint: place.hint ?? this.hint,
      message: this.message,
    });
    return copy;
  }

  /** `file:line: message. hint` in one paragraph. */
  describe(): string {
    const where = [this.file, this.line].filter((part) => part !== undefined).join(':');
    const hint = this.hint ? ` Fix: ${this.hint}.` : '';
    return `${where ? `${where}: ` : ''}${this.message}.${hint}`;
  }
}

/** Bad input: a malformed log, an invalid future, an unknown option. Exit code 2. */
export class InputError extends DealsimError {
  readonly exitCode = 2;
}

/** A write refused because the log changed under the caller (expected version, lock). Exit code 3. */
export class ConflictError extends DealsimError {
  readonly exitCode = 3;
}
