import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const tests = ['**/*.test.ts', '**/*.test-support.ts'];
const under = (...dirs) => dirs.map((dir) => `src/${dir}/**`);

// The core must run unchanged in a service worker, in Node and in tests, so it may not
// reach for either side's globals: whatever it needs (fetch, clock, storage) is passed in.
const coreOnly = {
  files: under('errors', 'duplo', 'aws', 'bridge', 'worker', 'storage', 'settings', 'worker-messages'),
  ignores: tests,
  rules: {
    'no-restricted-globals': ['error', 'window', 'document', 'chrome', 'browser', 'process', 'Buffer', 'fetch', 'localStorage', 'navigator'],
    'no-restricted-imports': [
      'error',
      { patterns: [{ group: ['node:*', 'webextension-polyfill', 'preact', 'preact/*'], message: 'core-only: no browser or Node imports; take what is needed as an argument.' }] },
    ],
  },
};

/** Bans importing the named folders, however the path is written (`../cli`, `../cli/main`, `../../src/cli/main`). */
const ban = (message, ...dirs) => ({ group: dirs.flatMap((dir) => [`**/${dir}`, `**/${dir}/**`]), message: `layers: ${message}` });

const intoExtension = ban('nothing in src/ imports extension/, which only wires src/ into the browser.', 'extension');
const aboveCore = ban('the core (errors, duplo, aws, bridge, storage, settings) imports nothing above it.', 'worker', 'worker-messages', 'host', 'cli', 'setup', 'populate', 'rendezvous', 'flags');
const nodeSide = ['host', 'cli', 'setup', 'populate', 'rendezvous', 'flags'];
const workerToNode = ban('the worker and its messages run in the browser; they import nothing of the Node side (host, cli, setup, populate, rendezvous, flags).', ...nodeSide);
const messagesToWorker = ban('worker-messages sits below the worker, which imports it.', 'worker');
const belowCommands = ban('rendezvous and flags sit below the host, CLI, set-up and populate, which import them.', 'host', 'cli', 'setup', 'populate');
const hostToCommands = ban('the host sits below the CLI (which runs it) and set-up (which installs it).', 'cli', 'setup', 'populate');
const populateToCli = ban('populate sits below the CLI, which runs it and hands it the browser bridge and the token sources.', 'cli');
const intoBrowserSide = ban("the Node programs import nothing of the extension's domain (worker, worker-messages); what both need lives in the core.", 'worker', 'worker-messages');
const workerInternals = { group: ['**/src/worker/**'], message: 'layers: extension/ reaches the worker through src/worker/index.ts only.' };

// The typescript-eslint twin of no-restricted-imports, because flat config replaces a rule's
// options per file rather than merging them: core-only above keeps the base rule (tests exempt),
// while the layers hold for tests too. It also bans type-only imports by default.
const layer = (files, ...patterns) => ({ files, rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] } });

// Whatever is Chrome-only stays in one file; the Firefox build's own path for each sits beside it
// (firefox-*.ts, chosen by extension/shared/target.ts).
const chromeOnlyInOneFile = {
  files: ['extension/**'],
  ignores: ['extension/background/chrome-only.ts', ...tests],
  rules: {
    'no-restricted-globals': ['error', { name: 'chrome', message: 'Use webextension-polyfill; an API its types lack goes in extension/background/chrome-only.ts.' }],
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: { allowDefaultProject: ['eslint.config.js'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  coreOnly,
  layer(under('errors', 'duplo', 'aws', 'bridge', 'storage', 'settings'), aboveCore, intoExtension),
  layer(under('worker'), workerToNode, intoExtension),
  layer(under('worker-messages'), messagesToWorker, workerToNode, intoExtension),
  layer(under('rendezvous', 'flags'), belowCommands, intoBrowserSide, intoExtension),
  layer(under('host'), hostToCommands, intoBrowserSide, intoExtension),
  layer(under('cli', 'setup'), intoBrowserSide, intoExtension),
  layer(under('populate'), populateToCli, intoBrowserSide, intoExtension),
  layer(['extension/**'], workerInternals),
  chromeOnlyInOneFile,
);
