import { approvalTimeoutSecondsBounds } from '../../src/settings/settings';
import { Card } from './card';
import { approvalPolicies, type ApprovalPolicy } from '../../src/settings/approval-policy';
import { ChoiceField } from './choice-field';
import type { FieldProps } from './field-props';
import { NumberField } from './number-field';

const policyLabels: Readonly<Record<ApprovalPolicy, string>> = {
  'ask-every-time': 'Ask every time',
  'ask-once': 'Ask once per program and tenant until the browser closes',
  'never-ask': 'Never ask',
};

export function ProgramFields({ draft, update, locked }: FieldProps) {
  return (
    <Card titleId="programs-title" title="Local programs">
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
        locked={locked('approvalPolicy')}
        onChange={(policy) => update('approvalPolicy', policy)}
      />
      <NumberField
        label="Seconds to wait for your answer before refusing"
        testid="approval-timeout-seconds"
        bounds={approvalTimeoutSecondsBounds}
        value={draft.approvalTimeoutSeconds}
        locked={locked('approvalTimeoutSeconds')}
        onInput={(value) => update('approvalTimeoutSeconds', value)}
      />
    </Card>
  );
}
