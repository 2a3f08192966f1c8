import { describe, expect, it } from 'vitest';
import { withoutPorts } from './firefox-patterns';

describe('withoutPorts', () => {
  it('drops the port of each pattern, once per host', () => {
    expect(withoutPorts(['http://localhost:53791/*', 'http://127.0.0.1:53791/*', 'http://localhost:1/x'])).toEqual(['http://localhost/*', 'http://127.0.0.1/*', 'http://localhost/x']);
  });

  it('leaves patterns without a port as they are', () => {
    expect(withoutPorts(['<all_urls>', 'https://*.duplocloud.net/*'])).toEqual(['<all_urls>', 'https://*.duplocloud.net/*']);
  });
});
