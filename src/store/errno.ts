/**
 * Failed system calls in words: the errno code of an error and what it means, for the one
 * paragraph an error gets. Words only, no I/O, so even \`dealsim --version\` may load it (its
 * standard output can fail too).
 */

/** The `errno` code of a failed call, e.g. "ENOSPC". */
export function errnoOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** What an errno means, in words for the message after it. */
export function describeErrno(code: string | undefined): string {
  switch (code) {
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EDQUOT':
      return 'the disk quota is exhausted';
    case 'EIO':
      return 'an input/output error from the device';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the filesystem is read-only';
    case 'ENOENT':
      return 'no such file or folder';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'EEXIST':
      return 'it exists already';
    case 'ELOOP':
      return 'it is a symbolic link';
    case 'EFBIG':
      return 'the file would be too large';
    default:
      return code === undefined ? 'an unknown error' : `error ${code}`;
  }
}
