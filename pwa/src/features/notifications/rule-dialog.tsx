/**
 * One category's rule: on or off, how often, who gets it (the dealer's users by role, the site's and
 * the customer's coordinators, any addresses), and the category's own setting (a threshold, or the
 * complexities of device alerts). Used for the dealer's rules and for a customer's overrides; the
 * form is checked as the server would before it is sent.
 */
import { createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { NoticeRuleBody } from '@parc/shared/contracts/notifications';
import { NOTICE_CATEGORY_DEFINITIONS, NOTICE_FREQUENCIES, NOTICE_ROLES, type NoticeCategory, type NoticeFrequency } from '@parc/shared/notifications/categories';
import { COMPLEXITIES } from '@parc/shared/tickets/complexity';
import type { ApiError, ApiResult } from '../../api/client.ts';
import { DialogButtons } from '../console/dialog-buttons.tsx';
import { useFeatureText } from '../console/feature-text.ts';
import { ModalDialog } from '../console/modal-dialog.tsx';
import { FormError } from '../shell/form-error.tsx';
import { notificationsText } from './messages/index.ts';
import { ruleBodyOf, ruleFormOf, type Problem } from './notifications.rules.ts';

export function RuleDialog(props: {
  category: NoticeCategory;
  rule: NoticeRuleBody;
  title: string;
  save: (rule: NoticeRuleBody) => Promise<ApiResult<unknown>>;
  /** A second way out (back to Parc's default, or inherit), when there is something to go back from. */
  reset?: { label: string; run: () => Promise<ApiResult<unknown>> };
  onClose: () => void;
}) {
  const { t } = useFeatureText(notificationsText);
  const definition = NOTICE_CATEGORY_DEFINITIONS[props.category];
  const [form, setForm] = createStore(ruleFormOf(props.rule));
  const [failure, setFailure] = createSignal<ApiError | Problem | null>(null);
  const [sending, setSending] = createSignal(false);
  let dialog: HTMLDialogElement | undefined;
  const invalid = (field: string) => (failure() as Problem | null)?.field === field || undefined;

  async function send(action: () => Promise<ApiResult<unknown>>) {
    if (sending()) return;
    setSending(true);
    setFailure(null);
    const result = await action();
    setSending(false);
    if (!result.ok) return setFailure(result.error);
    dialog?.close();
  }

  function submit(event: SubmitEvent) {
    event.preventDefault();
    const checked = ruleBodyOf(form, props.category);
    if ('problem' in checked) return setFailure(checked.problem);
    void send(() => props.save(checked.body));
  }

  return (
    <ModalDialog labelledBy="rule-dialog-title" onClose={props.onClose} width="40rem" ref={(element) => (dialog = element)}>
      <form class="card notification-dialog" onSubmit={submit} novalidate data-testid="rule-dialog">
        <h2 id="rule-dialog-title">{props.title}</h2>
        <p class="muted">{t(`notifications.category.${props.category}.description`)}</p>
        <label class="check">
          <input type="checkbox" role="switch" name="enabled" checked={form.enabled} onChange={(e) => setForm('enabled', e.currentTarget.checked)} />
          <span>{t('notifications.rule.enabled')}</span>
        </label>
        <label class="field">
          <span>{t('notifications.rule.frequency')}</span>
          <select name="frequency" value={form.frequency} onChange={(e) => setForm('frequency', e.currentTarget.value as NoticeFrequency)}>
            <For each={NOTICE_FREQUENCIES}>{(frequency) => <option value={frequency}>{t(`notifications.frequency.${frequency}`)}</option>}</For>
          </select>
          <small class="muted">{t('notifications.frequency.hint')}</small>
        </label>
        <fieldset aria-invalid={invalid('recipients')}>
          <legend>{t('notifications.rule.recipients')}</legend>
          <p class="notification-dialog__sub">{t('notifications.rule.roles')}</p>
          <div class="notification-dialog__checks">
            <For each={NOTICE_ROLES}>
              {(role) => (
                <label class="check">
                  <input
                    type="checkbox"
                    name="roles"
                    value={role}
                    checked={form.roles.includes(role)}
                    onChange={(e) => setForm('roles', (roles) => (e.currentTarget.checked ? [...roles, role] : roles.filter((each) => each !== role)))}
                  />
                  <span>{t(`notifications.rule.role.${role}`)}</span>
                </label>
              )}
            </For>
          </div>
          <label class="check">
            <input type="checkbox" name="siteCoordinator" checked={form.siteCoordinator} onChange={(e) => setForm('siteCoordinator', e.currentTarget.checked)} />
            <span>{t('notifications.rule.siteCoordinator')}</span>
          </label>
          <label class="check">
            <input type="checkbox" name="customerCoordinator" checked={form.customerCoordinator} onChange={(e) => setForm('customerCoordinator', e.currentTarget.checked)} />
            <span>{t('notifications.rule.customerCoordinator')}</span>
          </label>
          <label class="field">
            <span>{t('notifications.rule.addresses')}</span>
            <textarea name="addresses" rows={2} inputMode="email" aria-invalid={invalid('addresses')} value={form.addresses} onInput={(e) => setForm('addresses', e.currentTarget.value)} />
            <small class="muted">{t('notifications.rule.addressesHint')}</small>
          </label>
        </fieldset>
        <Show when={definition.threshold}>
          {(threshold) => (
            <label class="field">
              <span>{t(`notifications.rule.threshold.${threshold().unit}`)}</span>
              <input
                type="number"
                name="threshold"
                inputMode="numeric"
                min={threshold().min}
                max={threshold().max}
                step="1"
                aria-invalid={invalid('threshold')}
                value={form.threshold}
                onInput={(e) => setForm('threshold', e.currentTarget.value)}
              />
              <small class="muted">{t('notifications.rule.thresholdHint', { min: threshold().min, max: threshold().max })}</small>
            </label>
          )}
        </Show>
        <Show when={definition.byComplexity}>
          <fieldset aria-invalid={invalid('complexities')}>
            <legend>{t('notifications.rule.complexities')}</legend>
            <For each={COMPLEXITIES}>
              {(complexity) => (
                <label class="check">
                  <input
                    type="checkbox"
                    name="complexities"
                    value={complexity}
                    checked={form.complexities.includes(complexity)}
                    onChange={(e) => setForm('complexities', (all) => (e.currentTarget.checked ? [...all, complexity] : all.filter((each) => each !== complexity)))}
                  />
                  <span>{t(`notifications.rule.complexity.${complexity}`)}</span>
                </label>
              )}
            </For>
          </fieldset>
        </Show>
        <FormError message={failure()} />
        <div class="notification-dialog__footer">
          <Show when={props.reset}>
            {(reset) => (
              <button type="button" class="button button--quiet" data-action="reset-rule" disabled={sending()} onClick={() => void send(reset().run)}>
                {reset().label}
              </button>
            )}
          </Show>
          <DialogButtons close={() => dialog?.close()} sending={sending()} submit={t('notifications.rule.save')} />
        </div>
      </form>
    </ModalDialog>
  );
}
