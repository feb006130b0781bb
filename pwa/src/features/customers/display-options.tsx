/** The "display options" panel: which columns to show and how many rows per page, saved for this user. */
import { createSignal, For } from 'solid-js';
import type { ListPreferences } from '@parc/shared/contracts/preferences';
import { useFeatureText } from '../console/feature-text.ts';
import { CUSTOMER_COLUMNS, ROWS_PER_PAGE_CHOICES, toggleColumn, visibleColumns } from './list-columns.ts';
import { customersText } from './messages/index.ts';

export function DisplayOptions(props: { value: ListPreferences; onSave: (value: ListPreferences) => void; onReset: () => void; onClose: () => void }) {
  const { t } = useFeatureText(customersText);
  const [draft, setDraft] = createSignal<ListPreferences>(props.value);
  return (
    <div class="card display-options" role="dialog" aria-labelledby="display-options-title">
      <h2 id="display-options-title">{t('customers.displayOptions')}</h2>
      <fieldset>
        <legend>{t('customers.visibleColumns')}</legend>
        <For each={CUSTOMER_COLUMNS}>
          {(column) => (
            <label class="check">
              <input type="checkbox" checked={visibleColumns(draft()).includes(column)} onChange={(event) => setDraft(toggleColumn(draft(), column, event.currentTarget.checked))} />
              {t(`customers.col.${column}`)}
            </label>
          )}
        </For>
      </fieldset>
      <fieldset>
        <legend>{t('customers.rowsPerPage')}</legend>
        <For each={ROWS_PER_PAGE_CHOICES}>
          {(rows) => (
            <label class="check">
              <input type="radio" name="rows-per-page" checked={draft().rowsPerPage === rows} onChange={() => setDraft({ ...draft(), rowsPerPage: rows })} />
              {rows === 0 ? t('customers.rows.auto') : rows}
            </label>
          )}
        </For>
      </fieldset>
      <div class="actions">
        <button type="button" class="button button--primary" onClick={() => props.onSave(draft())}>
          {t('customers.save')}
        </button>
        <button type="button" class="button" onClick={() => props.onReset()}>
          {t('customers.resetDefaults')}
        </button>
        <button type="button" class="button button--quiet" onClick={() => props.onClose()}>
          {t('customers.cancel')}
        </button>
      </div>
    </div>
  );
}
