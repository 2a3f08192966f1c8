export function Popup() {
  return (
    <section>
      <h1>DuploCloud JIT</h1>
      <p>Sign in to your DuploCloud portal in a tab; your tenants will appear here.</p>
    </section>
  );
}
