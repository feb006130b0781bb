/** How to reach the dealer: shown on the invalid-link page and at the foot of the entry page. */
import { Show } from 'solid-js';
import type { MeterEntryDealer } from '@parc/shared/contracts/meters';
import { useI18n } from '../../app-context.tsx';

/** Only http(s) addresses become links: a dealer's website field must not carry a script URL. */
function safeWebsite(website: string): string | null {
  const url = /^https?:\/\//i.test(website) ? website : `https://${website}`;
  try {
    return new URL(url).protocol.startsWith('http') ? url : null;
  } catch {
    return null;
  }
}

export function DealerContacts(props: { dealer: MeterEntryDealer }) {
  const { t } = useI18n();
  return (
    <address class="dealer-contacts">
      <strong>{props.dealer.name}</strong>
      <Show when={props.dealer.phone}>
        {(phone) => (
          <span>
            {t('meters.contact.phone')} <a href={`tel:${phone().replace(/[^\d+]/g, '')}`}>{phone()}</a>
          </span>
        )}
      </Show>
      <Show when={props.dealer.email}>
        {(email) => (
          <span>
            {t('meters.contact.email')} <a href={`mailto:${email()}`}>{email()}</a>
          </span>
        )}
      </Show>
      <Show when={props.dealer.website && safeWebsite(props.dealer.website)}>
        {(website) => (
          <span>
            {t('meters.contact.website')}{' '}
            <a href={website()} rel="noopener noreferrer" target="_blank">
              {props.dealer.website}
            </a>
          </span>
        )}
      </Show>
    </address>
  );
}
