import type { ConsolePageModel } from './use-console-page';

/** Says that a row's Console opens the tab's page in that tenant, with the way back to the console home. */
export function ThisPageBar({ model }: { model: ConsolePageModel }) {
  if (!model.page) return null;
  return (
    <div class="this-page" data-testid="this-page">
      <span class="this-page-text">
        Open this page (<span data-testid="this-page-label">{model.page.label}</span>) in …
      </span>
      <button type="button" class="btn btn-small" data-testid="this-page-off" onClick={model.dismiss}>
        Console home
      </button>
    </div>
  );
}
