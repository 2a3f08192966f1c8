import { describe, expect, it } from 'vitest';
import { useAccessFixture } from './access-fixture.test-support';
import { loadSettings, saveSettings } from '../settings/settings';
import { consoleUrlFor } from './credentials';
import { removePortal } from './portal-actions';
import { setTenantConsoleDefault, tenantConsoleDefault } from './tenant-console-defaults';
import { toViewError } from './view-error';

const { tenantId, worker } = useAccessFixture();
const destination = (url: string) => new URL(url).searchParams.get('Destination');

describe('consoleUrlFor, landing on another tenant’s console page', () => {
  it('aims the sign-in at the page, the multi-session account dropped, and notes the use', async () => {
    const { context, disk, origin } = await worker('dev@duplo.demo');
    await saveSettings(disk, { logoutFirst: false });
    const page = 'https://123456789012-ab12cd.eu-central-1.console.aws.amazon.com/ec2/home?region=eu-central-1#Instances:';
    const url = await consoleUrlFor(context, origin, tenantId('qa'), { page });
    expect(destination(url)).toBe('https://eu-central-1.console.aws.amazon.com/ec2/home?region=eu-central-1#Instances:');
    expect((await loadSettings(disk)).recents).toEqual([`${origin} ${tenantId('qa')}`]);
  });

  it('refuses a page of another partition or not on the console, in words, and notes no use', async () => {
    const { context, disk, origin } = await worker('dev@duplo.demo');
    for (const [page, code] of [
      ['https://console.amazonaws-us-gov.com/ec2/home', 'OTHER_PARTITION'],
      ['https://example.com/ec2/home', 'NOT_A_CONSOLE_PAGE'],
    ] as const) {
      const refused = await consoleUrlFor(context, origin, tenantId('qa'), { page }).catch((error: unknown) => error);
      expect(toViewError(refused, origin).code).toBe(code);
    }
    expect(toViewError(await consoleUrlFor(context, origin, tenantId('qa'), { page: 'https://console.amazonaws.cn/' }).catch((error: unknown) => error), origin).message).toBe(
      'This console page cannot be opened in that tenant: the page is in aws-cn, the sign-in in aws, and a page of one AWS partition does not exist in another. Open the tenant’s console instead.',
    );
    expect((await loadSettings(disk)).recents).toEqual([]);
  });
});

describe('a tenant’s own console region and service', () => {
  it('wins over the options’ and loses to the caller’s; both empty forgets it', async () => {
    const { context, disk, origin } = await worker('dev@duplo.demo');
    const qa = tenantId('qa');
    await saveSettings(disk, { logoutFirst: false, consoleRegion: 'eu-west-1', consoleService: 's3' });
    expect(await setTenantConsoleDefault(disk, origin, qa, { region: 'ap-south-1', service: '' })).toEqual({ region: 'ap-south-1', service: '' });

    expect(destination(await consoleUrlFor(context, origin, qa))).toBe('https://ap-south-1.console.aws.amazon.com/s3/home?region=ap-south-1');
    expect(destination(await consoleUrlFor(context, origin, tenantId('dev01')))).toBe('https://eu-west-1.console.aws.amazon.com/s3/home?region=eu-west-1');
    expect(destination(await consoleUrlFor(context, origin, qa, { region: 'us-east-1', service: 'ec2' }))).toBe('https://us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1');

    await setTenantConsoleDefault(disk, origin, qa, { region: '', service: '' });
    expect(await tenantConsoleDefault(disk, origin, qa)).toEqual({ region: '', service: '' });
    expect(await disk.get('console-defaults')).toEqual({});
  });

  it('goes with its portal when the portal is removed', async () => {
    const { context, disk, origin } = await worker('dev@duplo.demo');
    await setTenantConsoleDefault(disk, origin, tenantId('qa'), { region: 'ap-south-1', service: 'ec2' });
    await setTenantConsoleDefault(disk, 'https://other.duplocloud.net', 't1', { region: '', service: 'ec2' });
    await removePortal(context, origin);
    expect(await disk.get('console-defaults')).toEqual({ 'https://other.duplocloud.net t1': { region: '', service: 'ec2' } });
  });

  it('ignores a damaged stored value', async () => {
    const { disk, origin } = await worker(undefined);
    await disk.set('console-defaults', { [`${origin} x`]: { region: 'not a region', service: '' } });
    expect(await tenantConsoleDefault(disk, origin, 'x')).toEqual({ region: '', service: '' });
  });
});
