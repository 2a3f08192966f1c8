/**
 * Which browser this build is for, fixed at build time by vite.config.ts (`--mode firefox`),
 * so a build carries only its own browser's paths and no runtime guess can pick the wrong
 * one. Outside a vite build (type-checking, unit tests) it reads as Chromium.
 */
declare const __FIREFOX__: boolean | undefined;

export const isFirefox: boolean = typeof __FIREFOX__ !== 'undefined' && __FIREFOX__;
