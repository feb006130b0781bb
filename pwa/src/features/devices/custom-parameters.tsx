/**
 * A customer's or device's custom parameters, editable in place: text as an input, a list as a
 * select, an OID as the value the agent read. Embedded in the device page and the customer page.
 */
import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import type { ParameterTarget, ParameterValue } from '@parc/shared/contracts/parameters';
import { createApiClient } from '../../api/client.ts';
import { useI18n } from '../../app-context.tsx';
import { createDevicesApi, type DevicesApi } from './devices.api.ts';
import { apiErrorText } from '../../i18n/api-error.ts';

export function CustomParameters(props: { target: ParameterTarget; entityId: string; readOnly?: boolean; api?: DevicesApi }) {
  const { t, language } = useI18n();
  const api = props.api ?? createDevicesApi(createApiClient());
  const [values, { mutate }] = createResource(
    () => props.entityId,
    async (id) => {
      const result = await api.parameterValues(props.target, id);
      return result.ok ? result.data.items : [];
    },
  );
  const [drafts, setDrafts] = createSignal<Record<string, string>>({});
  const [message, setMessage] = createSignal<{ ok: boolean; text: string } | null>(null);
  const [saving, setSaving] = createSignal(false);

  const draftOf = (item: ParameterValue) => drafts()[item.parameter.id] ?? item.value ?? '';
  const setDraft = (id: string, value: string) => setDrafts({ ...drafts(), [id]: value });

  async function save(event: SubmitEvent) {
    event.preventDefault();
    const changed = (values() ?? []).filter((item) => item.parameter.kind !== 'oid' && draftOf(item) !== (item.value ?? ''));
    if (!changed.length) return;
    setSaving(true);
    const result = await api.saveParameterValues(props.target, props.entityId, {
      values: changed.map((item) => ({ parameterId: item.parameter.id, value: draftOf(item) || null })),
    });
    setSaving(false);
    if (result.ok) {
      mutate(result.data.items);
      setDrafts({});
      setMessage({ ok: true, text: t('params.saved') });
    } else setMessage({ ok: false, text: t('common.error', { message: apiErrorText(result.error, language()) }) });
  }

  return (
    <form class="parameters form" onSubmit={save} data-testid="custom-parameters">
      <Show when={values()?.length} fallback={<p class="muted">{t('params.none')}</p>}>
        <div class="parameters__grid">
          <For each={values()}>
            {(item) => (
              <label class="field">
                <span>{item.parameter.name}</span>
                <Switch>
                  <Match when={item.parameter.kind === 'oid'}>
                    <output>
                      {item.value ?? t('params.notRead')} <small class="muted">{t('params.fromAgent', { oid: item.parameter.oid ?? '' })}</small>
                    </output>
                  </Match>
                  <Match when={item.parameter.kind === 'list'}>
                    <select value={draftOf(item)} disabled={props.readOnly} onChange={(e) => setDraft(item.parameter.id, e.currentTarget.value)}>
                      <option value="">{t('params.choose')}</option>
                      <For each={item.parameter.options}>{(option) => <option value={option}>{option}</option>}</For>
                    </select>
                  </Match>
                  <Match when={true}>
                    <input value={draftOf(item)} disabled={props.readOnly} maxLength={500} onInput={(e) => setDraft(item.parameter.id, e.currentTarget.value)} />
                  </Match>
                </Switch>
              </label>
            )}
          </For>
        </div>
        <Show when={!props.readOnly}>
          <button class="button button--primary" type="submit" disabled={saving()}>
            {saving() ? t('common.saving') : t('params.save')}
          </button>
        </Show>
      </Show>
      <Show when={message()}>{(shown) => <p role={shown().ok ? 'status' : 'alert'} class={shown().ok ? 'notice' : 'form__error'}>{shown().text}</p>}</Show>
    </form>
  );
}
