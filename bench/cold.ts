import type { Bench } from './harness';
import { differenceFigure, type Figure } from './report';
import { interleave, timed } from './stats';

/**
 * 3. The first request for a tenant, with nothing cached: the extension must call the portal.
 * The baseline is the portal's own time, the same JIT call made directly from Node with a
 * session token, so the difference is what the CLI→host→worker path adds around it. Run with
 * the portal answering at once, and with 200 ms of latency on every API call.
 */
export async function cold(bench: Bench, rounds = { instant: 25, slow: 12 }): Promise<Figure[]> {
  const tenant = bench.portal.tenants.find((candidate) => candidate.name === 'dev01')!;
  const token = bench.portal.login('admin@duplo.demo');
  const direct = async () => {
    const response = await fetch(`${bench.portal.url}/subscriptions/${tenant.id}/GetAwsConsoleTokenUrl`, { headers: { Authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`direct JIT call: ${response.status}`);
    await response.json();
  };
  const figures: Figure[] = [];
  for (const [label, latencyMs, count] of [['at once', 0, rounds.instant], ['200 ms latency', 200, rounds.slow]] as const) {
    bench.setFaults(latencyMs > 0 ? [{ latencyMs }] : []);
    try {
      await direct();
      const before = bench.portal.counters()['subscriptions/{tenantId}/GetAwsConsoleTokenUrl'] ?? 0;
      const samples = await interleave(count, {
        portal: () => timed(direct),
        bridge: async () => {
          // Not timed: forgetting is the set-up that makes the next ask a first one.
          await bench.forgetCredentials();
          return timed(() => bench.ask('aws-credentials', tenant.name));
        },
      });
      const calls = (bench.portal.counters()['subscriptions/{tenantId}/GetAwsConsoleTokenUrl'] ?? 0) - before;
      // Each bridge ask must have gone to the portal once, or it was not cold.
      if (calls !== 2 * count) throw new Error(`cold: expected ${2 * count} JIT calls, the portal saw ${calls}`);
      figures.push(
        differenceFigure({
          bench: '3. Cold',
          name: `first ask − direct portal call (${label})`,
          subject: samples.bridge,
          baseline: { name: 'direct JIT call', samples: samples.portal },
          budgets: [{ stat: 'median', max: 30 }],
        }),
      );
    } finally {
      bench.setFaults([]);
    }
  }
  return figures;
}
