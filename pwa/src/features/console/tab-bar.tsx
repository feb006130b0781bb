/**
 * A screen's tabs as links (each tab has its address). On a phone the bar scrolls sideways, never
 * the page, and keeps the current tab in view.
 */
import { A } from '@solidjs/router';
import { createEffect, createSignal, For } from 'solid-js';

export function TabBar<Tab extends string>(props: { tabs: readonly Tab[]; current: Tab; href: (tab: Tab) => string; label: (tab: Tab) => string; ariaLabel: string }) {
  const [nav, setNav] = createSignal<HTMLElement>();
  createEffect(() => {
    void props.current;
    nav()?.querySelector('[aria-current="page"]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  });
  return (
    <nav class="tabs" aria-label={props.ariaLabel} ref={setNav}>
      <For each={props.tabs}>
        {(tab) => (
          <A href={props.href(tab)} aria-current={props.current === tab ? 'page' : undefined} data-testid={`tab-${tab}`}>
            {props.label(tab)}
          </A>
        )}
      </For>
    </nav>
  );
}
