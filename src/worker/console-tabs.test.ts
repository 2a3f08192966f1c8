import { describe, expect, it } from 'vitest';
import { isAwsConsolePage, multiSessionHost, sessionSignOutUrl } from '../aws/console-hosts';
import { memoryArea } from '../storage/key-value';
import { createConsoleTabs, type ConsoleTab } from './console-tabs';

const portal = 'https://acme.duplocloud.net';
const clock = { now: 1_000_000 };
const tab = (tabId: number, scope: string, openedAt: number, endsAt = openedAt + 3_600_000): ConsoleTab => ({
  tabId,
  origin: portal,
  scope,
  signinOrigin: 'https://signin.aws.amazon.com',
  openedAt,
  endsAt,
});

describe('AWS console hosts', () => {
  it('knows the sign-in, regional and multi-session console hosts, over https only', () => {
    const pages = [
      'https://signin.aws.amazon.com/federation',
      'https://us-east-1.signin.aws.amazon.com/oauth',
      'https://console.aws.amazon.com/',
      'https://eu-west-1.console.aws.amazon.com/s3/home',
      'https://123456789012-abcd1234.us-east-1.console.aws.amazon.com/ec2/home',
      'https://console.amazonaws-us-gov.com/',
    ];
    expect(pages.filter((page) => isAwsConsolePage(new URL(page)))).toEqual(pages);
    const others = ['http://console.aws.amazon.com/', 'https://console.aws.amazon.com.evil.test/', 'https://evilconsole.aws.amazon.com/', 'https://aws.amazon.com/'];
    expect(others.filter((page) => isAwsConsolePage(new URL(page)))).toEqual([]);
  });

  it('knows a multi-session host, and nothing from a plain one; its sign-out stays on it', () => {
    const host = '123456789012-abcd1234.us-east-1.console.aws.amazon.com';
    expect(multiSessionHost(new URL(`https://${host.toUpperCase()}/ec2/home`))).toBe(host);
    expect(sessionSignOutUrl(host)).toBe(`https://${host}/console/logout!doLogout`);
    expect(multiSessionHost(new URL('https://us-east-1.console.aws.amazon.com/ec2/home'))).toBeUndefined();
    expect(multiSessionHost(new URL('https://123456789012-abcd1234.evil.test/'))).toBeUndefined();
  });
});

describe('the console-tab registry', () => {
  it('follows a tab through AWS hosts, notes its multi-session host, and lets it go elsewhere', async () => {
    const tabs = createConsoleTabs(memoryArea(), () => clock.now);
    await tabs.add(tab(7, 'dev01', clock.now));
    await tabs.follow(7, 'https://us-east-1.signin.aws.amazon.com/oauth?Action=logout');
    await tabs.follow(7, 'https://123456789012-abcd1234.us-east-1.console.aws.amazon.com/console/home');
    expect(await tabs.live()).toEqual([{ ...tab(7, 'dev01', clock.now), sessionHost: '123456789012-abcd1234.us-east-1.console.aws.amazon.com' }]);
    await tabs.follow(7, 'https://news.example/');
    expect(await tabs.live()).toEqual([]);
  });

  it("keeps a tab on its sign-in link's own origin (a sign-in page that is not AWS's)", async () => {
    const tabs = createConsoleTabs(memoryArea(), () => clock.now);
    await tabs.add({ ...tab(8, 'qa', clock.now), signinOrigin: 'http://127.0.0.1:4000' });
    await tabs.follow(8, 'http://127.0.0.1:4000/federation?Action=login');
    expect(await tabs.live()).toHaveLength(1);
    await tabs.follow(8, 'not a url');
    expect(await tabs.live()).toEqual([]);
  });

  it('lists live sessions oldest first, with their tabs, and drops ended ones', async () => {
    const tabs = createConsoleTabs(memoryArea(), () => clock.now);
    await Promise.all([tabs.add(tab(1, 'qa', clock.now + 10)), tabs.add(tab(2, 'dev01', clock.now, clock.now + 60_000)), tabs.add(tab(3, 'qa', clock.now + 20))]);
    expect((await tabs.sessions()).map(({ scope, tabIds }) => [scope, tabIds])).toEqual([
      ['dev01', [2]],
      ['qa', [1, 3]],
    ]);
    clock.now += 60_000;
    expect((await tabs.sessions()).map(({ scope }) => scope)).toEqual(['qa']);
    await tabs.forget([1, 3]);
    expect(await tabs.sessions()).toEqual([]);
  });
});
