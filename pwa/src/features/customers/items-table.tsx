/** A customer list from the API as a table, once loaded: a message when it is empty, one row per item. */
import { For, Show, type JSX } from 'solid-js';
import type { ApiResult } from '../../api/client.ts';
import { Loaded } from '../console/loaded.tsx';

export function ItemsTable<Item>(props: {
  result: ApiResult<{ items: Item[] }> | undefined;
  retry: () => void;
  empty: JSX.Element;
  head: JSX.Element;
  children: (item: Item) => JSX.Element;
}) {
  return (
    <Loaded result={props.result} retry={props.retry}>
      {(data) => (
        <Show when={data.items.length > 0} fallback={props.empty}>
          <div class="table-scroll">
            <table class="table">
              <thead>
                <tr>{props.head}</tr>
              </thead>
              <tbody>
                <For each={data.items}>{(item) => props.children(item)}</For>
              </tbody>
            </table>
          </div>
        </Show>
      )}
    </Loaded>
  );
}
