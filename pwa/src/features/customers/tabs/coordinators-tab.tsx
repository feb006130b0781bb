/** The customer's coordinators; one is the main coordinator, who receives the system's messages. */
import { createResource, createSignal, For, Show } from 'solid-js';
import { useFeatureText } from '../../console/feature-text.ts';
import { Loaded } from '../../console/loaded.tsx';
import type { CustomersApi } from '../customers.api.ts';
import { customersText } from '../messages/index.ts';
import { TextField } from '../text-field.tsx';

export function CoordinatorsTab(props: { api: CustomersApi; customerId: string }) {
  const { t } = useFeatureText(customersText);
  const [list, { refetch }] = createResource(() => props.customerId, (id) => props.api.coordinators(id));
  const [form, setForm] = createSignal({ name: '', email: '', phone: '' });
  const [error, setError] = createSignal<string | null>(null);

  async function add(event: SubmitEvent) {
    event.preventDefault();
    const result = await props.api.createCoordinator(props.customerId, { name: form().name, email: form().email || null, phone: form().phone || null });
    if (!result.ok) return setError(result.error.message);
    setForm({ name: '', email: '', phone: '' });
    setError(null);
    await refetch();
  }

  return (
    <section>
      <Loaded result={list.loading ? undefined : list()} retry={refetch}>
        {(data) => (
          <Show when={data.items.length > 0} fallback={<p class="card muted">{t('coordinators.empty')}</p>}>
            <div class="table-scroll">
              <table class="table">
                <thead>
                  <tr>
                    <th scope="col">{t('field.contactName')}</th>
                    <th scope="col">{t('field.email')}</th>
                    <th scope="col">{t('field.phone')}</th>
                    <th scope="col">{t('coordinators.main')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={data.items}>
                    {(coordinator) => (
                      <tr>
                        <th scope="row">{coordinator.name}</th>
                        <td>{coordinator.email ?? '—'}</td>
                        <td>{coordinator.phone ?? '—'}</td>
                        <td>
                          <Show
                            when={coordinator.isMain}
                            fallback={
                              <button
                                type="button"
                                class="button button--quiet"
                                onClick={async () => {
                                  await props.api.updateCoordinator(coordinator.id, { isMain: true });
                                  await refetch();
                                }}
                              >
                                {t('coordinators.makeMain')}
                              </button>
                            }
                          >
                            <span class="badge badge--ok">{t('coordinators.main')}</span>
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
      <form class="card form" onSubmit={add}>
        <h2>{t('coordinators.add')}</h2>
        <Show when={error()}>
          <p class="form__error" role="alert">
            {error()}
          </p>
        </Show>
        <div class="form-grid">
          <TextField label={t('field.contactName')} value={form().name} onInput={(name) => setForm({ ...form(), name })} />
          <TextField label={t('field.email')} type="email" value={form().email} onInput={(email) => setForm({ ...form(), email })} />
          <TextField label={t('field.phone')} type="tel" value={form().phone} onInput={(phone) => setForm({ ...form(), phone })} />
        </div>
        <div class="actions">
          <button type="submit" class="button button--primary">
            {t('coordinators.add')}
          </button>
        </div>
      </form>
    </section>
  );
}
