/** Beside a field or portal the organisation's managed settings fix (docs/managed-settings.md). */
export function LockedNote() {
  return (
    <small class="locked-note" data-testid="set-by-organisation">
      Set by your organisation
    </small>
  );
}
