import type { ApprovalAsk } from './approval-ask';
import type { ApprovalPolicy } from '../settings/approval-policy';

/** A program as the host reports it; `verified: false` as for a peer it could not establish. */
export function program(parentExe: string, verified = true): ApprovalAsk['program'] {
  const name = parentExe.slice(parentExe.lastIndexOf('/') + 1);
  return { name, peer: verified ? { verified, pid: 100, exe: '/usr/bin/node', parentExe } : { verified, pid: 0, exe: '', parentExe: '' } };
}

/** An ask for `scope` on one portal, under "ask once" unless told. */
export function askFor(scope: string, from: ApprovalAsk['program'], timeoutSeconds = 30, policy: ApprovalPolicy = 'ask-once'): ApprovalAsk {
  return { origin: 'https://acme.duplocloud.net', target: { kind: 'scope', scope, name: scope }, program: from, policy, timeoutSeconds };
}
