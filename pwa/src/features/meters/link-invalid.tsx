/**
 * An expired, revoked or tampered link. The same words whatever the cause, so the page never tells
 * whether a customer exists; the dealer's contacts only when the server named the dealer.
 */
import { Show } from 'solid-js';
import type { MeterEntryDealer } from '@parc/shared/contracts/meters';
import { useI18n } from '../../app-context.tsx';
import { DealerContacts } from './dealer-contacts.tsx';

export function LinkInvalid(props: { dealer: MeterEntryDealer | null }) {
  const { t } = useI18n();
  return (
    <section class="meter-entry__notice card" aria-labelledby="page-title" data-testid="link-invalid">
      <h1 id="page-title">{t('meters.invalid.title')}</h1>
      <p>{t('meters.invalid.body')}</p>
      <p class="muted">{t('meters.invalid.validity')}</p>
      <Show when={props.dealer}>
        {(dealer) => (
          <>
            <h2>{t('meters.contact.title')}</h2>
            <DealerContacts dealer={dealer()} />
          </>
        )}
      </Show>
    </section>
  );
}
