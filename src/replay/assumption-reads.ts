/**
 * Which assumptions a replay reads. A replay is a deterministic function of its events and input
 * that sees the assumptions only through the object it is given, so a reading whose key it never
 * read cannot change anything it answers: an explanation need not replay the future under that
 * reading's other values (a future without a rejection never reads `after-rejection`, and no
 * replay that leaves conduct unjudged reads a conduct reading). Listing the object's keys (a
 * spread, JSON) counts as reading every one.
 */
import type { AssumptionKey, Assumptions } from '../domain/assumptions.ts';

export interface WatchedAssumptions {
  /** The assumptions to replay with: the same values, every read noted. */
  readonly watched: Assumptions;
  /** Whether anything that used {@link watched} has read `key`. */
  wasRead(key: AssumptionKey): boolean;
}

export function watchAssumptions(assumptions: Assumptions): WatchedAssumptions {
  const read = new Set<PropertyKey>();
  let all = false;
  const watched = new Proxy(assumptions, {
    get(target, key, receiver) {
      read.add(key);
      return Reflect.get(target, key, receiver);
    },
    has(target, key) {
      read.add(key);
      return Reflect.has(target, key);
    },
    getOwnPropertyDescriptor(target, key) {
      read.add(key);
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
    ownKeys(target) {
      all = true;
      return Reflect.ownKeys(target);
    },
  });
  return { watched, wasRead: (key) => all || read.has(key) };
}
