import { StatusLine } from './status-line';
import { useWorkerList } from './use-worker-list';

const hostOf = (origin: string) => origin.replace(/^https?:\/\//, '');
const when = (time: number) => new Date(time).toLocaleString([], { dateStyle: 'short', timeStyle: 'short' });
// A tenant ID is 36 characters; its start is enough to tell tenants apart in a list.
const shortScope = (scope: string) => (scope.length > 12 ? `${scope.slice(0, 8)}…` : scope);

/** What local programs asked for, newest first: the way to notice a program you did not run. */
export function RequestLog() {
  const { value: entries, error, reload } = useWorkerList('bridge-log');

  return (
    <section class="card" aria-labelledby="log-title">
      <div class="card-title">
        <h2 id="log-title">Requests from local programs</h2>
        <button type="button" class="btn" onClick={() => void reload()}>
          Reload
        </button>
      </div>
      <StatusLine status={error && { kind: 'error', text: error.message }} testid="log-status" />
      {entries?.length === 0 && <p class="hint">No program has asked for credentials yet.</p>}
      {entries && entries.length > 0 && (
        <div class="log">
          <table>
            <thead>
              <tr>
                <th>Time</th>
                <th>Program</th>
                <th>Portal</th>
                <th>Scope</th>
                <th>Outcome</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry, index) => (
                <tr key={`${entry.time} ${index}`}>
                  <td class="nowrap">{when(entry.time)}</td>
                  <td class="mono">{entry.program}</td>
                  <td>{hostOf(entry.portal)}</td>
                  <td class="mono" title={entry.scope}>
                    {shortScope(entry.scope)}
                  </td>
                  <td class={entry.outcome === 'ok' ? 'outcome-ok' : 'outcome-refused'}>{entry.outcome === 'ok' ? 'given' : entry.outcome.toLowerCase().replaceAll('_', ' ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
