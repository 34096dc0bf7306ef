/**
 * Debian's chromium, as the browser tests and the benchmark drive it through playwright-core
 * (which downloads no browser of its own). The flags keep it quiet on a machine with no network:
 * without them it keeps trying to reach Google's hosts.
 */
export const CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
