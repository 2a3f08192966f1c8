import { approvalPolicies, type ApprovalPolicy } from '../../src/settings/approval-policy';
import { ChoiceField } from './choice-field';
import type { Preferences } from './preferences';
import type { UpdatePreference } from './preferences-form';

const policyLabels: Readonly<Record<ApprovalPolicy, string>> = {
  'ask-every-time': 'Ask every time',
  'ask-once': 'Ask once per program and tenant until the browser closes',
  'never-ask': 'Never ask',
};

export function ProgramFields({ draft, update }: { draft: Preferences; update: UpdatePreference }) {
  return (
    <section class="card" aria-labelledby="programs-title">
      <h2 id="programs-title">Local programs</h2>
      <p class="hint">
        The AWS CLI, SDKs and Terraform get credentials through <code>duplo-jit-bridge aws</code> as their <code>credential_process</code>. Choose when
        the extension asks you before it hands them over.
      </p>
      <ChoiceField
        label="When a program asks for credentials"
        testid="approval-policy"
        choices={approvalPolicies}
        labels={policyLabels}
        value={draft.approvalPolicy}
        onChange={(policy) => update('approvalPolicy', policy)}
      />
      <label class="field">
        <span>Seconds to wait for your answer before refusing</span>
        <input
          type="number"
          min={5}
          max={55}
          data-testid="approval-timeout-seconds"
          value={draft.approvalTimeoutSeconds}
          onInput={(event) => update('approvalTimeoutSeconds', event.currentTarget.value)}
        />
      </label>
    </section>
  );
}
