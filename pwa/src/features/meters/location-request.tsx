/** A small form asking the dealer to change a machine's location text; sent at once (it needs the network). */
import { createSignal, Match, Switch } from 'solid-js';
import { useI18n } from '../../app-context.tsx';
import type { ApiError } from '../../api/client.ts';

export interface LocationRequestProps {
  idPrefix: string;
  currentLocation: string | null;
  onSend(location: string, message: string): Promise<ApiError | null>;
  onClose(): void;
}

export function LocationRequest(props: LocationRequestProps) {
  const { t } = useI18n();
  const [status, setStatus] = createSignal<'editing' | 'sending' | 'sent' | 'failed'>('editing');

  async function submit(event: SubmitEvent & { currentTarget: HTMLFormElement }) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const location = String(form.get('location') ?? '').trim();
    if (location === '') return;
    setStatus('sending');
    const error = await props.onSend(location, String(form.get('message') ?? '').trim());
    setStatus(error ? 'failed' : 'sent');
  }

  return (
    <Switch>
      <Match when={status() === 'sent'}>
        <p class="location-request__done" role="status">
          {t('meters.location.sent')}{' '}
          <button type="button" class="button button--quiet" onClick={() => props.onClose()}>
            {t('app.dismiss')}
          </button>
        </p>
      </Match>
      <Match when={true}>
        <form class="location-request form" onSubmit={submit}>
          <label class="field" for={`${props.idPrefix}-location`}>
            {t('meters.location.newText')}
          </label>
          <input id={`${props.idPrefix}-location`} name="location" required maxlength="200" value={props.currentLocation ?? ''} />
          <label class="field" for={`${props.idPrefix}-message`}>
            {t('meters.location.message')}
          </label>
          <textarea id={`${props.idPrefix}-message`} name="message" rows="2" maxlength="1000" />
          <Switch>
            <Match when={status() === 'failed'}>
              <p class="form__error" role="alert">
                {t('meters.location.failed')}
              </p>
            </Match>
          </Switch>
          <div class="location-request__actions">
            <button type="submit" class="button button--primary" disabled={status() === 'sending'}>
              {t('meters.location.send')}
            </button>
            <button type="button" class="button button--quiet" onClick={() => props.onClose()}>
              {t('meters.location.cancel')}
            </button>
          </div>
        </form>
      </Match>
    </Switch>
  );
}
