import type { ComponentChildren } from 'preact';

interface Props {
  /** The heading's id, which names the section for screen readers. */
  titleId: string;
  title: string;
  children: ComponentChildren;
}

/** One section of the options page, under its heading. */
export function Card({ titleId, title, children }: Props) {
  return (
    <section class="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      {children}
    </section>
  );
}
