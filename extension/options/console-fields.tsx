import { isFirefox } from '../shared/target';
import { Card } from './card';
import { CheckField } from './check-field';
import type { FieldProps } from './field-props';
import { TextField } from './text-field';

export function ConsoleFields(fields: FieldProps) {
  const { draft, update } = fields;
  return (
    <Card titleId="console-title" title="Console">
      <div class="field-row">
        <TextField
          label="Region"
          testid="console-region"
          placeholder="The credentials' region"
          spellcheck={false}
          value={draft.consoleRegion}
          onInput={(value) => update('consoleRegion', value)}
        >
          <small>For example eu-west-1. Leave empty to use the credentials' region.</small>
        </TextField>
        <TextField label="Service" testid="console-service" placeholder="console" spellcheck={false} value={draft.consoleService} onInput={(value) => update('consoleService', value)}>
          <small>The page a console opens on: console (the home page), s3, ec2…</small>
        </TextField>
      </div>
      <CheckField {...fields} setting="logoutFirst" label="Sign out of the current AWS console session first" testid="logout-first">
        <small>
          So that switching tenants does not stop at AWS's "log out first" page. Turn this off if you use AWS multi-session: the sign-out would end your
          other sessions.
        </small>
      </CheckField>
      <CheckField {...fields} setting="multiSession" label="AWS multi-session is on" testid="multi-session">
        <small>
          No sign-out first. Opening a tenant whose console the extension opened and that is still signed in goes back to its tab, since a second sign-in
          would end it. AWS allows five sessions at once; a sixth asks before signing out the oldest.
        </small>
      </CheckField>
      <CheckField {...fields} setting="consoleBanner" label="Show which tenant a console tab is" testid="console-banner">
        <small>
          A slim bar on the console tabs the extension opened names the portal and tenant, red for a prod plan, and the tab's title starts with the tenant.
          Needs access to the AWS console's pages, asked for when you save.
        </small>
      </CheckField>
      {!isFirefox && (
        <CheckField {...fields} setting="consoleTabGroups" label="One tab group per tenant" testid="console-tab-groups">
          <small>The console tabs the extension opens go into a group named after the tenant, red for a prod plan.</small>
        </CheckField>
      )}
    </Card>
  );
}
