/** Modules the studio's bundler supplies (src/studio/build.ts); they do not exist on disk. */
declare module '*.jsonl' {
  const text: string;
  export default text;
}

declare module 'studio:examples' {
  /** The shipped futures of simulations/futures.json, with their text. */
  export const FUTURES: readonly {
    readonly file: string;
    readonly title: string;
    readonly story: string;
    /** `builtin` (after the real history) or `none` (the deal as signed). */
    readonly history: 'builtin' | 'none';
    readonly assume: readonly string[];
    readonly text: string;
  }[];
  /** The shipped Monte Carlo specs of simulations/montecarlo/. */
  export const SPECS: readonly { readonly file: string; readonly text: string }[];
}

declare module 'studio:worker' {
  /** The Monte Carlo worker's bundled source, started from a blob: URL. */
  const source: string;
  export default source;
}
