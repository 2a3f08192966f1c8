import { handoffModes, type HandoffMode } from './pages/verify-token';

/** The usage words for the demo portal's --handoff-mode, shared by `npm run portal` and `npm start`. */
export const handoffModeUsage = `[--handoff-mode ${handoffModes.join('|')}]`;

/** The handoff a --handoff-mode value names (`get`, today's, when not given); throws words naming the choices. */
export function readHandoffMode(value: string | undefined): HandoffMode {
  const mode = handoffModes.find((each) => each === (value ?? 'get'));
  if (mode === undefined) throw new Error(`--handoff-mode takes ${handoffModes.join(', ')}, not "${value}"`);
  return mode;
}
