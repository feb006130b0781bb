/**
 * API keys (Settings, partner admins): the keys in force with who made them and their last use, a
 * dialog that creates one and shows its secret once with a copy button, and revoking with a question.
 */
import { createResource, createSignal, createUniqueId, For, Show } from 'solid-js';
import { API_KEY_SCOPES, type ApiKey, type ApiKeyCreated, type ApiKeyScope } from '@parc/shared/contracts/api-keys';
import { createApiClient, type ApiError } from '../../api/client.ts';
import { ConfirmDialog } from '../console/confirm-dialog.tsx';
import { useFeatureText } from '../console/feature-text.ts';
import { formatDateTime } from '../console/format.ts';
import { Loaded } from '../console/loaded.tsx';
import { ModalDialog } from '../console/modal-dialog.tsx';
import { FormError } from '../shell/form-error.tsx';
import { createApiKeysApi } from './api-keys.api.ts';
import { apiKeysText } from './messages/index.ts';
import './api-keys.css';
import { DialogButtons } from '../console/dialog-buttons.tsx';

const api = createApiKeysApi(createApiClient());

export function ApiKeysSection() {
  const { t, language } = useFeatureText(apiKeysText);
  const [keys, { refetch }] = createResource(() => api.list());
  const [creating, setCreating] = createSignal(false);
  const [revoking, setRevoking] = createSignal<ApiKey | null>(null);
  const [notice, setNotice] = createSignal<string | null>(null);

  async function revoke(key: ApiKey): Promise<ApiError | null> {
    const result = await api.revoke(key.id);
    if (!result.ok) return result.error;
    setNotice(t('apiKeys.revoked', { name: key.name }));
    void refetch();
    return null;
  }

  return (
    <section class="card api-keys" aria-labelledby="api-keys-title">
      <div class="api-keys__heading">
        <h2 id="api-keys-title">{t('apiKeys.title')}</h2>
        <button type="button" class="button button--primary" onClick={() => setCreating(true)}>
          {t('apiKeys.create')}
        </button>
      </div>
      <p class="muted">{t('apiKeys.intro')}</p>
      <Show when={notice()}>{(text) => <p role="status" class="notice">{text()}</p>}</Show>
      <Loaded result={keys.loading ? undefined : keys()} retry={refetch}>
        {(data) => (
          <Show when={data.items.length} fallback={<p class="muted">{t('apiKeys.empty')}</p>}>
            <div class="card-table">
              <table class="table" data-testid="api-keys">
                <thead>
                  <tr>
                    <th scope="col">{t('apiKeys.name')}</th>
                    <th scope="col">{t('apiKeys.scope')}</th>
                    <th scope="col">{t('apiKeys.prefix')}</th>
                    <th scope="col">{t('apiKeys.createdBy')}</th>
                    <th scope="col">{t('apiKeys.createdAt')}</th>
                    <th scope="col">{t('apiKeys.lastUsed')}</th>
                    <th scope="col">{t('apiKeys.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={data.items}>
                    {(key) => (
                      <tr data-api-key={key.name}>
                        <th scope="row">{key.name}</th>
                        <td data-label={t('apiKeys.scope')}>{t(`apiKeys.scope.${key.scope}`)}</td>
                        <td data-label={t('apiKeys.prefix')}>
                          <code>{key.prefix}…</code>
                        </td>
                        <td data-label={t('apiKeys.createdBy')}>{key.createdBy.name}</td>
                        <td data-label={t('apiKeys.createdAt')}>{formatDateTime(language(), key.createdAt)}</td>
                        <td data-label={t('apiKeys.lastUsed')}>{key.lastUsedAt ? formatDateTime(language(), key.lastUsedAt) : t('apiKeys.never')}</td>
                        <td class="card-table__actions">
                          <button type="button" class="button button--quiet" onClick={() => setRevoking(key)}>
                            {t('apiKeys.revoke')}
                          </button>
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
      <Show when={creating()}>
        <CreateKeyDialog onCreated={() => void refetch()} onClose={() => setCreating(false)} />
      </Show>
      <Show when={revoking()} keyed>
        {(key) => (
          <ConfirmDialog title={t('apiKeys.confirmRevoke', { name: key.name })} confirmLabel={t('apiKeys.revoke')} danger onConfirm={() => revoke(key)} onClose={() => setRevoking(null)}>
            <p>{t('apiKeys.confirmRevoke.body')}</p>
          </ConfirmDialog>
        )}
      </Show>
    </section>
  );
}

/** A name and a scope; once created, the secret in the same dialog, the only time it is shown. */
function CreateKeyDialog(props: { onCreated: () => void; onClose: () => void }) {
  const { t } = useFeatureText(apiKeysText);
  const id = createUniqueId();
  const [created, setCreated] = createSignal<ApiKeyCreated | null>(null);
  const [error, setError] = createSignal<ApiError | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [copied, setCopied] = createSignal<string | null>(null);
  let dialog: HTMLDialogElement | undefined;

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    setBusy(true);
    const result = await api.create({ name: String(form.get('name') ?? ''), scope: String(form.get('scope')) as ApiKeyScope });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setCreated(result.data);
    props.onCreated();
  }

  async function copy(secret: string) {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(t('apiKeys.copied'));
    } catch {
      setCopied(t('apiKeys.copyFailed'));
    }
  }

  return (
    <ModalDialog labelledBy={`api-key-${id}`} onClose={props.onClose} ref={(element) => (dialog = element)}>
      <Show
        when={created()}
        fallback={
          <form class="card api-keys__dialog" onSubmit={(event) => void submit(event)}>
            <h2 id={`api-key-${id}`}>{t('apiKeys.create')}</h2>
            <label class="field">
              <span>{t('apiKeys.name')}</span>
              <input name="name" required maxLength={100} autocomplete="off" />
            </label>
            <fieldset class="api-keys__scopes">
              <legend>{t('apiKeys.scope')}</legend>
              <For each={API_KEY_SCOPES}>
                {(scope) => (
                  <label class="api-keys__scope">
                    <input type="radio" name="scope" value={scope} checked={scope === 'read'} />
                    <span>{t(`apiKeys.scope.${scope}`)}</span>
                  </label>
                )}
              </For>
            </fieldset>
            <FormError message={error()} />
            <DialogButtons close={() => dialog?.close()} sending={busy()} submit={t('apiKeys.submit')} />
          </form>
        }
      >
        {(shown) => (
          <div class="card api-keys__dialog">
            <h2 id={`api-key-${id}`}>{t('apiKeys.created.title', { name: shown().key.name })}</h2>
            <p class="api-keys__warning" role="alert">
              {t('apiKeys.created.warning')}
            </p>
            <code class="api-keys__secret" aria-label={t('apiKeys.secret')} data-testid="api-key-secret">
              {shown().secret}
            </code>
            <Show when={copied()}>{(text) => <p role="status">{text()}</p>}</Show>
            <div class="dialog-buttons">
              <button type="button" class="button" onClick={() => void copy(shown().secret)}>
                {t('apiKeys.copy')}
              </button>
              <button type="button" class="button button--primary" onClick={() => dialog?.close()}>
                {t('apiKeys.done')}
              </button>
            </div>
          </div>
        )}
      </Show>
    </ModalDialog>
  );
}
