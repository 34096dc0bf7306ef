/**
 * Things worth saying about a file that was read all the same (a byte-order mark), gathered while
 * a command reads its files and printed by the command line on stderr once it is done. Kept apart
 * from the store's reading code so that the command line can print them without loading it.
 */
const notices: string[] = [];

/** Records a notice about a file that was read. */
export function noteRead(notice: string): void {
  notices.push(notice);
}

/** The notices gathered since the last call, each once. */
export function takeReadNotices(): string[] {
  return [...new Set(notices.splice(0))];
}
