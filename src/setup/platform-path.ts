import { posix, win32, type PlatformPath } from 'node:path';

/** Paths are built with the target platform's rules, so a test on Linux can compute Windows paths exactly. */
export function platformPath(platform: NodeJS.Platform): PlatformPath {
  return platform === 'win32' ? win32 : posix;
}
