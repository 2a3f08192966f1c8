import { request } from 'node:http';
import { startEndpointProcess } from '../test/support/endpoint-process';
import { cliBundle } from '../test/support/run-cli';
import type { Bench } from './harness';
import { differenceFigure, type Figure } from './report';
import { interleave, pairedRatios, summarize, timed } from './stats';

/** A bare loopback HTTP server answering the same JSON: what any endpoint costs before doing anything. */
const bareServer = `
  const body = JSON.stringify({ AccessKeyId: 'ASIA', SecretAccessKey: 's', Token: 't', Expiration: '2030-01-01T00:00:00Z' });
  const server = require('node:http').createServer((q, r) => r.writeHead(200, { 'content-type': 'application/json' }).end(body));
  server.listen(0, '127.0.0.1', () => console.log('export AWS_CONTAINER_CREDENTIALS_FULL_URI=http://127.0.0.1:' + server.address().port + '/\\nexport AWS_CONTAINER_AUTHORIZATION_TOKEN=none'));`;

/** One GET on a fresh connection, as an SDK's first fetch makes it; throws unless it is a 200. */
const fetchOnce = (url: string, secret: string): Promise<void> =>
  new Promise((resolve, reject) => {
    request(url, { headers: { authorization: secret }, agent: false }, (response) => {
      response.resume().once('end', () => (response.statusCode === 200 ? resolve() : reject(new Error(`endpoint answered ${response.statusCode}`))));
    })
      .once('error', reject)
      .end();
  });

/**
 * 9. The credential endpoint of `serve`/`exec`: one fetch of held keys against the same request to
 * a bare loopback server, and against one whole `duplo-jit-bridge aws` process, the cost the
 * endpoint saves every command of a long run.
 */
export async function endpoint(bench: Bench, rounds = 200, processRounds = 20): Promise<Figure[]> {
  const tenant = 'qa';
  const served = await startEndpointProcess([cliBundle, 'serve', '--host', bench.portal.url, '--tenant', tenant], bench.bridge.env);
  const bare = await startEndpointProcess(['-e', bareServer], {});
  try {
    const fromEndpoint = () => timed(() => fetchOnce(served.url, served.secret));
    const fromBare = () => timed(() => fetchOnce(bare.url, bare.secret));
    await fromEndpoint();
    await fromBare();
    const fetches = await interleave(rounds, { endpoint: fromEndpoint, bare: fromBare });
    const processes = await interleave(processRounds, { endpoint: fromEndpoint, aws: () => bench.awsProcess(tenant) });
    return [
      differenceFigure({
        bench: '9. Credential endpoint',
        name: 'endpoint fetch − bare loopback HTTP',
        subject: fetches.endpoint,
        baseline: { name: 'bare loopback HTTP', samples: fetches.bare },
        budgets: [{ stat: 'median', max: 1 }],
      }),
      {
        bench: '9. Credential endpoint',
        name: 'one aws process ÷ endpoint fetch',
        unit: '×',
        figure: summarize(pairedRatios(processes.aws, processes.endpoint)),
        subject: summarize(processes.aws),
        baseline: { name: 'endpoint fetch', ...summarize(processes.endpoint) },
        budgets: [],
        note: 'What each AWS CLI command of a long run costs with credential_process, against what it costs under exec.',
      },
    ];
  } finally {
    await Promise.all([served.stop(), bare.stop()]);
  }
}
