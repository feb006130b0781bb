/** Readings flagged "to check": why, the previous value; accept as is or correct with a reason. */
import { A } from '@solidjs/router';
import { COUNTER_LABELS } from '@parc/shared/meters/messages';
import { fromCatalogue } from '../../i18n/pseudo.ts';
import { createResource, createSignal, For, Show } from 'solid-js';
import { formatCount, formatDateTime } from '../console/format.ts';
import { useFeatureText } from '../console/feature-text.ts';
import { Loaded } from '../console/loaded.tsx';
import { usePermission } from '../console/permissions.tsx';
import type { CustomersApi, ToCheckItem } from './customers.api.ts';
import { customersText } from './messages/index.ts';

export function ToCheckQueue(props: { api: CustomersApi; customerId?: string }) {
  const { t, language } = useFeatureText(customersText);
  // Accepting and correcting are the readings screen's changes: a profile that only views it sees the queue.
  const canEdit = usePermission('readings', 'edit');
  const [queue, { refetch }] = createResource(() => props.api.toCheck());
  const [correcting, setCorrecting] = createSignal<string | null>(null);
  const [correction, setCorrection] = createSignal({ value: '', note: '' });
  const [message, setMessage] = createSignal<{ ok: boolean; text: string } | null>(null);
  const mine = (items: ToCheckItem[]) => items.filter((item) => !props.customerId || item.customerId === props.customerId);

  async function settle(work: Promise<{ ok: boolean; error?: { message: string } }>, done: string) {
    const result = await work;
    setMessage(result.ok ? { ok: true, text: done } : { ok: false, text: result.error?.message ?? '' });
    setCorrecting(null);
    await refetch();
  }

  return (
    <section class="card" aria-labelledby="to-check-title">
      <h2 id="to-check-title">{t('toCheck.title')}</h2>
      <Show when={message()}>{(shown) => <p class={shown().ok ? 'success' : 'form__error'} role="status">{shown().text}</p>}</Show>
      <Loaded result={queue.loading ? undefined : queue()} retry={refetch}>
        {(data) => (
          <Show when={mine(data.items).length > 0} fallback={<p class="muted">{t('toCheck.empty')}</p>}>
            <div class="table-scroll">
              <table class="table" data-testid="to-check-table">
                <thead>
                  <tr>
                    <th scope="col">{t('toCheck.device')}</th>
                    <th scope="col">{t('toCheck.counter')}</th>
                    <th scope="col" class="number">{t('toCheck.value')}</th>
                    <th scope="col" class="number">{t('toCheck.previous')}</th>
                    <th scope="col">{t('toCheck.why')}</th>
                    <th scope="col">{t('customers.col.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={mine(data.items)}>
                    {(item) => (
                      <tr data-testid="to-check-row" data-reading={item.readingId}>
                        <th scope="row">
                          {item.deviceCode}
                          <div class="muted">{item.model}</div>
                        </th>
                        <td>{fromCatalogue(COUNTER_LABELS[item.counter][language()])}</td>
                        <td class="number">
                          {formatCount(language(), item.value)}
                          <div class="muted">{formatDateTime(language(), item.takenAt)}</div>
                        </td>
                        <td class="number">{item.previous ? formatCount(language(), item.previous.value) : '—'}</td>
                        <td>
                          {item.explanation ?? '—'}
                          <Show when={item.reason?.code === 'suspected_reset'}>
                            <div>
                              <A href={`/console/devices/${item.deviceId}`}>{t('toCheck.declareReset')}</A>
                            </div>
                          </Show>
                        </td>
                        <td>
                          <Show when={canEdit()} fallback={<span class="muted">—</span>}>
                            <Show
                              when={correcting() === item.readingId}
                              fallback={
                                <div class="actions">
                                  <button type="button" class="button button--primary" data-action="accept-reading" onClick={() => settle(props.api.acceptReading(item.readingId), t('toCheck.accepted'))}>
                                    {t('toCheck.accept')}
                                  </button>
                                  <button
                                    type="button"
                                    class="button"
                                    onClick={() => {
                                      setCorrection({ value: String(item.value), note: '' });
                                      setCorrecting(item.readingId);
                                    }}
                                  >
                                    {t('toCheck.correct')}
                                  </button>
                                </div>
                              }
                            >
                              <form
                                class="form"
                                onSubmit={(event) => {
                                  event.preventDefault();
                                  void settle(props.api.correctReading(item.readingId, Number(correction().value), correction().note), t('customers.saved'));
                                }}
                              >
                                <label class="field">
                                  {t('toCheck.newValue')}
                                  <input type="number" min="0" inputMode="numeric" value={correction().value} onInput={(event) => setCorrection({ ...correction(), value: event.currentTarget.value })} />
                                </label>
                                <label class="field">
                                  {t('toCheck.note')}
                                  <input required value={correction().note} onInput={(event) => setCorrection({ ...correction(), note: event.currentTarget.value })} />
                                </label>
                                <div class="actions">
                                  <button type="submit" class="button button--primary">
                                    {t('customers.save')}
                                  </button>
                                  <button type="button" class="button button--quiet" onClick={() => setCorrecting(null)}>
                                    {t('customers.cancel')}
                                  </button>
                                </div>
                              </form>
                            </Show>
                          </Show>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </Show>
        )}
      </Loaded>
    </section>
  );
}
