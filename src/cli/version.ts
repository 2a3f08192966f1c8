declare const __VERSION__: string | undefined;
declare const __COMMIT__: string | undefined;

// The bundle build replaces both; running from source (tests) has no build step.
export const version = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';
const commit = typeof __COMMIT__ === 'string' ? __COMMIT__ : 'unknown';

/** What `version` prints, in duplo-jit's words, so a script that reads one reads the other. */
export const versionLine = `duplo-jit-bridge version ${version} (git commit ${commit})\n`;
