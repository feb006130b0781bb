/** The customer's meter campaign: on or off, the schedule it follows, the response rate, recipients, and the readings to check. */
import { createResource, createSignal, For, Show } from 'solid-js';
import type { Customer } from '@parc/shared/contracts/customers';
import { useFeatureText } from '../../console/feature-text.ts';
import { Loaded } from '../../console/loaded.tsx';
import { FormError } from '../../shell/form-error.tsx';
import type { CustomersApi } from '../customers.api.ts';
import { customersText } from '../messages/index.ts';
import { ToCheckQueue } from '../to-check-queue.tsx';
import { apiErrorText } from '../../../i18n/api-error.ts';

const currentPeriod = () => new Date().toISOString().slice(0, 7);

export function CampaignTab(props: { api: CustomersApi; customer: Customer }) {
  const { t, language } = useFeatureText(customersText);
  const [settings, { refetch, mutate }] = createResource(() => props.customer.id, (id) => props.api.campaign(id));
  const [contacts, contactsControl] = createResource(() => props.customer.id, (id) => props.api.contacts(id));
  const [rate] = createResource(async () => {
    const result = await props.api.campaignStats(currentPeriod());
    return result.ok ? (result.data.customers.find((row) => row.customerId === props.customer.id)?.responseRate ?? null) : null;
  });
  const [email, setEmail] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);

  return (
    <>
      <section class="card">
        <h2>{t('campaign.settings')}</h2>
        <Loaded result={settings.loading ? undefined : settings()} retry={refetch}>
          {(data) => (
            <>
              <label class="check">
                <input
                  type="checkbox"
                  checked={data.overrides.enabled}
                  onChange={async (event) => {
                    const result = await props.api.saveCampaign(props.customer.id, { ...data.overrides, enabled: event.currentTarget.checked });
                    if (result.ok) mutate(result);
                    else setError(apiErrorText(result.error, language()));
                  }}
                />
                {t('campaign.enabled')}
              </label>
              <p>
                {t('campaign.schedule', {
                  schedule: t(`campaign.schedule.${data.effective.schedule.kind}`),
                  sendDay: data.effective.sendDay,
                  lastValidDay: data.effective.lastValidDay,
                })}
              </p>
            </>
          )}
        </Loaded>
        <Show when={rate() !== undefined}>
          <p>{t('campaign.responseRate', { rate: rate() === null ? '—' : `${Math.round(rate()! * 100)} %` })}</p>
        </Show>
      </section>
      <section class="card">
        <h2>{t('campaign.contacts')}</h2>
        <FormError message={error()} />
        <Loaded result={contacts.loading ? undefined : contacts()} retry={contactsControl.refetch}>
          {(data) => (
            <Show when={data.items.length > 0} fallback={<p class="muted">{t('campaign.contactsEmpty')}</p>}>
              <ul>
                <For each={data.items}>
                  {(contact) => (
                    <li>
                      {contact.email} <span class="badge">{t(`campaign.contact.${contact.state}`)}</span>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          )}
        </Loaded>
        <form
          class="filters"
          onSubmit={async (event) => {
            event.preventDefault();
            const result = await props.api.inviteContact(props.customer.id, email(), props.customer.language);
            if (!result.ok) return setError(apiErrorText(result.error, language()));
            setEmail('');
            setError(null);
            await contactsControl.refetch();
          }}
        >
          <label class="field">
            {t('field.email')}
            <input type="email" required value={email()} onInput={(event) => setEmail(event.currentTarget.value)} />
          </label>
          <button type="submit" class="button">
            {t('campaign.invite')}
          </button>
        </form>
      </section>
      <ToCheckQueue api={props.api} customerId={props.customer.id} />
    </>
  );
}
