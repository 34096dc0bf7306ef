/**
 * Scale-out (issue 12): a run of F futures split into N shards, shard K (1-based, like
 * Playwright's `--shard 2/4`) simulating the K-th contiguous slice of the same seeded futures.
 * Future i has its own generator whatever the split, so the shards' tallies add up to the tally
 * of one run, and {@link mergeShards} gives the same results, byte for byte. A shard file names
 * the run it belongs to (spec digest, seed, futures, horizon, history); merging refuses shards of
 * different runs, and missing or repeated shards, with a fix.
 */
import { createHash } from 'node:crypto';
import type { IsoDate } from '../domain/dates.ts';
import { InputError } from '../domain/errors.ts';
import type { MonteCarloSpec } from './spec.ts';
import {
  emptyTally,
  mergeTally,
  type Tally,
  type TallyJson,
  TallyShapeError,
  tallyFromJson,
  tallyToJson,
} from './tally.ts';

/** Shard `index` (1-based) of `of`. */
export interface ShardId {
  readonly index: number;
  readonly of: number;
}

/** What makes two shards parts of the same run. */
export interface RunIdentity {
  /** SHA-256 of the validated spec (defaults filled in, in the order that draws are made). */
  readonly specSha256: string;
  readonly seed: number;
  /** Futures in the whole run, over all shards. */
  readonly futures: number;
  readonly horizon: IsoDate;
  /** What every future starts from; compared whole. */
  readonly history: unknown;
}

/** The file a shard writes: `shard-K-of-N.json`. */
export interface ShardFile {
  readonly dealsimMonteCarloShard: 1;
  readonly shard: ShardId;
  /** Futures `first … first + tally.futures − 1` of the run. */
  readonly first: number;
  readonly run: RunIdentity;
  readonly tally: TallyJson;
}

const SHARD_HINT =
  'write it as K/N with whole numbers 1 ≤ K ≤ N, e.g. --shard 2/4 (in a Kubernetes Indexed Job: --shard $((JOB_COMPLETION_INDEX + 1))/N)';

/** Reads `--shard K/N`; throws an {@link InputError} with a fix. */
export function parseShard(text: string): ShardId {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) throw new InputError(`--shard ${text} is not of the form K/N`, { hint: SHARD_HINT });
  const index = Number(match[1]);
  const of = Number(match[2]);
  if (!Number.isSafeInteger(of) || of < 1)
    throw new InputError(`--shard ${text}: N must be 1 or more`, { hint: SHARD_HINT });
  if (index < 1 || index > of) {
    throw new InputError(`--shard ${text}: K must be from 1 to ${of} (shards count from 1)`, { hint: SHARD_HINT });
  }
  return { index, of };
}

/** The futures of shard K of N out of `futures`: `[first, first + count)`, contiguous and disjoint. */
export function shardSlice(shard: ShardId, futures: number): { first: number; count: number } {
  const first = Math.floor(((shard.index - 1) * futures) / shard.of);
  const end = Math.floor((shard.index * futures) / shard.of);
  return { first, count: end - first };
}

/** The digest that names a spec in results and shard files. */
export function specDigest(spec: MonteCarloSpec): string {
  return digest(spec);
}

/** SHA-256 of `value` as JSON, in hex. */
export function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

export function shardFileName(shard: ShardId): string {
  return `shard-${shard.index}-of-${shard.of}.json`;
}

export function shardFile(shard: ShardId, first: number, run: RunIdentity, tally: Tally): ShardFile {
  return { dealsimMonteCarloShard: 1, shard, first, run, tally: tallyToJson(tally) };
}

/** A shard file as read, with the name it was read from (for messages). */
export interface ReadShard {
  readonly file: string;
  readonly json: unknown;
}

const RUN_FIELDS: readonly { key: keyof RunIdentity; name: string }[] = [
  { key: 'specSha256', name: 'spec' },
  { key: 'seed', name: 'seed' },
  { key: 'futures', name: 'futures' },
  { key: 'horizon', name: 'horizon' },
  { key: 'history', name: 'history' },
];

/** What differs between two runs, e.g. `seed 2 here, 7 there`. */
function differences(here: RunIdentity, there: RunIdentity): string {
  const show = (value: unknown, key: keyof RunIdentity) =>
    key === 'specSha256'
      ? `${String(value).slice(0, 12)}…`
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  return RUN_FIELDS.filter(({ key }) => JSON.stringify(here[key]) !== JSON.stringify(there[key]))
    .map(({ key, name }) => `${name} ${show(here[key], key)} here, ${show(there[key], key)} there`)
    .join('; ');
}

function checkedShard({ file, json }: ReadShard): ShardFile & { tallyOf: Tally } {
  const notShard = (what: string) =>
    new InputError(`not a Monte Carlo shard file: ${what}`, {
      file,
      hint: 'name the directories written by "dealsim montecarlo SPEC --shard K/N -o DIR", and do not edit their shard-K-of-N.json',
    });
  if (
    typeof json !== 'object' ||
    json === null ||
    (json as { dealsimMonteCarloShard?: unknown }).dealsimMonteCarloShard !== 1
  ) {
    throw notShard('it has no "dealsimMonteCarloShard": 1');
  }
  const shard = json as ShardFile;
  const id = shard.shard;
  if (
    typeof id !== 'object' ||
    id === null ||
    !Number.isSafeInteger(id.index) ||
    !Number.isSafeInteger(id.of) ||
    id.index < 1 ||
    id.index > id.of
  ) {
    throw notShard('"shard" must be {"index": K, "of": N} with 1 ≤ K ≤ N');
  }
  const run = shard.run;
  if (
    typeof run !== 'object' ||
    run === null ||
    typeof run.specSha256 !== 'string' ||
    !Number.isSafeInteger(run.futures)
  ) {
    throw notShard('"run" must name the spec digest, seed, futures, horizon and history');
  }
  let tallyOf: Tally;
  try {
    tallyOf = tallyFromJson(shard.tally);
  } catch (error) {
    if (error instanceof TallyShapeError) throw notShard(error.message);
    throw error;
  }
  const slice = shardSlice(id, run.futures);
  if (shard.first !== slice.first || tallyOf.futures !== slice.count) {
    throw notShard(
      `shard ${id.index}/${id.of} of ${run.futures} futures must hold futures ${slice.first}…${slice.first + slice.count - 1}, it holds ${tallyOf.futures} from ${String(shard.first)}`,
    );
  }
  return { ...shard, tallyOf };
}

/**
 * Merges shard files into the tally of the whole run. Throws an {@link InputError} (exit 2) when
 * they are not exactly shards 1…N of one run: different runs, missing shards or a shard twice.
 */
export function mergeShards(files: readonly ReadShard[]): { run: RunIdentity; tally: Tally } {
  if (files.length === 0) {
    throw new InputError('no shard files found', {
      hint: 'name the output directories of "dealsim montecarlo SPEC --shard K/N -o DIR" (each holds a shard-K-of-N.json)',
    });
  }
  const shards = files.map(checkedShard);
  const first = shards[0] as ShardFile;
  const firstFile = (files[0] as ReadShard).file;
  const identity = JSON.stringify(first.run);
  shards.forEach((shard, i) => {
    const file = (files[i] as ReadShard).file;
    if (JSON.stringify(shard.run) !== identity) {
      throw new InputError(
        `this shard belongs to another run than ${firstFile}: ${differences(shard.run, first.run)}`,
        {
          file,
          hint: 'merge only shards of one run: the same spec, --seed, --futures and history on every shard; re-run the odd ones out with the same options',
        },
      );
    }
    if (shard.shard.of !== first.shard.of) {
      throw new InputError(
        `shard ${shard.shard.index}/${shard.shard.of} does not split the run in ${first.shard.of} like ${firstFile}`,
        {
          file,
          hint: `run every shard with the same N: --shard K/${first.shard.of} for K = 1…${first.shard.of}`,
        },
      );
    }
  });
  const of = first.shard.of;
  const seen = new Map<number, string>();
  shards.forEach((shard, i) => {
    const file = (files[i] as ReadShard).file;
    const earlier = seen.get(shard.shard.index);
    if (earlier !== undefined) {
      throw new InputError(`shard ${shard.shard.index}/${of} is given twice: here and in ${earlier}`, {
        file,
        hint: "name each shard's output once; if a shard was re-run, keep one of its copies",
      });
    }
    seen.set(shard.shard.index, file);
  });
  const missing = Array.from({ length: of }, (_, i) => i + 1).filter((k) => !seen.has(k));
  if (missing.length > 0) {
    throw new InputError(
      `shard${missing.length > 1 ? 's' : ''} ${missing.map((k) => `${k}/${of}`).join(', ')} missing: the merge needs all ${of}`,
      {
        hint: `run ${missing.map((k) => `--shard ${k}/${of}`).join(', ')} with the same spec, --seed and --futures, and name ${missing.length > 1 ? 'their' : 'its'} output directories too`,
      },
    );
  }
  const tally = emptyTally();
  for (const shard of [...shards].sort((a, b) => a.shard.index - b.shard.index)) mergeTally(tally, shard.tallyOf);
  return { run: first.run, tally };
}
