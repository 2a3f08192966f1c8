declare const __VERSION__: string | undefined;

// The bundle build replaces __VERSION__; running from source (tests) has no build step.
export const version = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';
