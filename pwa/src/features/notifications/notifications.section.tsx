/**
 * Settings → Notifications: the dealer's rule for every category (on/off and frequency right in the
 * row, the rest in a dialog), each category's email text, the header and footer of every email, and
 * what was sent lately. Those who may only view Settings see it all and change nothing.
 */
import { createResource, createSignal, For, Show } from 'solid-js';
import type { NoticeRuleBody, NoticeRuleList, NoticeRuleRow } from '@parc/shared/contracts/notifications';
import { NOTICE_FREQUENCIES, type NoticeCategory, type NoticeFrequency } from '@parc/shared/notifications/categories';
import { createApiClient, type ApiError, type ApiResult } from '../../api/client.ts';
import { useFeatureText } from '../console/feature-text.ts';
import { Loaded } from '../console/loaded.tsx';
import { usePermission } from '../console/permissions.tsx';
import { FormError } from '../shell/form-error.tsx';
import { FramesSection } from './frames-section.tsx';
import { notificationsText } from './messages/index.ts';
import { createNotificationsApi } from './notifications.api.ts';
import { NoticesSection } from './notices-section.tsx';
import { RuleDialog } from './rule-dialog.tsx';
import { rowsOf } from './notifications.rules.ts';
import { RulesTable } from './rules-table.tsx';
import { TemplateDialog } from './template-dialog.tsx';
import './notifications.css';

export function NotificationsSection() {
  const { t } = useFeatureText(notificationsText);
  const api = createNotificationsApi(createApiClient());
  const canEdit = usePermission('settings', 'edit');
  const [rules, { refetch, mutate }] = createResource(() => api.dealerRules.list());
  const [templates, templatesControl] = createResource(() => api.templates());
  const [editing, setEditing] = createSignal<NoticeRuleRow | null>(null);
  const [writing, setWriting] = createSignal<NoticeCategory | null>(null);
  const [changing, setChanging] = createSignal<NoticeCategory | null>(null);
  const [failure, setFailure] = createSignal<ApiError | null>(null);
  const name = (category: NoticeCategory) => t(`notifications.category.${category}.name`);
  const edited = (category: NoticeCategory) => {
    const list = templates();
    return list?.ok === true && list.data.items.some((item) => item.category === category && item.edited);
  };

  /** A change answers every rule as it now applies: the list shows that answer. */
  const applied = (result: ApiResult<NoticeRuleList>) => {
    if (result.ok) mutate(result);
    return result;
  };

  /** The row's switch and frequency save at once, the rest of the rule as it is; a refusal puts the row back. */
  async function change(row: NoticeRuleRow, patch: Partial<NoticeRuleBody>) {
    setChanging(row.category);
    setFailure(null);
    const result = applied(await api.dealerRules.save(row.category, { ...row.rule, ...patch }));
    setChanging(null);
    if (!result.ok) {
      setFailure(result.error);
      await refetch();
    }
  }

  return (
    <>
      <section class="card notifications" id="notifications" aria-labelledby="notifications-title">
        <h2 id="notifications-title">{t('notifications.title')}</h2>
        <p class="muted">{t('notifications.intro')}</p>
        <FormError message={failure()} />
        <Loaded result={rules()} retry={refetch}>
          {() => (
            <RulesTable
              rows={rowsOf(rules())}
              testId="notification-rules"
              enabled={(row) => (
                <label class="check notification-rules__switch">
                  <input
                    type="checkbox"
                    role="switch"
                    name="enabled"
                    aria-label={t('notifications.enabledOf', { name: name(row().category) })}
                    checked={row().rule.enabled}
                    disabled={!canEdit() || changing() !== null}
                    onChange={(event) => void change(row(), { enabled: event.currentTarget.checked })}
                  />
                  <span aria-hidden="true">{row().rule.enabled ? t('notifications.on') : t('notifications.off')}</span>
                </label>
              )}
              frequency={(row) => (
                <select
                  name="frequency"
                  aria-label={t('notifications.frequencyOf', { name: name(row().category) })}
                  value={row().rule.frequency}
                  disabled={!canEdit() || changing() !== null}
                  onChange={(event) => void change(row(), { frequency: event.currentTarget.value as NoticeFrequency })}
                >
                  <For each={NOTICE_FREQUENCIES}>{(frequency) => <option value={frequency}>{t(`notifications.frequency.${frequency}`)}</option>}</For>
                </select>
              )}
              source={(row) => t(row.source === 'default' ? 'notifications.source.default' : 'notifications.source.dealer')}
              note={(row) => (
                <Show when={edited(row().category)}>
                  <div>
                    <span class="badge badge--warn">{t('notifications.textEdited')}</span>
                  </div>
                </Show>
              )}
              actions={(row) => (
                <>
                  <Show when={canEdit()}>
                    <button type="button" class="button" data-action="edit-rule" aria-label={t('notifications.editOf', { name: name(row().category) })} onClick={() => setEditing(row())}>
                      {t('notifications.edit')}
                    </button>
                  </Show>
                  <button type="button" class="button button--quiet" data-action="edit-template" aria-label={t('notifications.emailOf', { name: name(row().category) })} onClick={() => setWriting(row().category)}>
                    {t('notifications.email')}
                  </button>
                </>
              )}
            />
          )}
        </Loaded>
      </section>
      <FramesSection api={api} canEdit={canEdit()} />
      <NoticesSection api={api} />
      <Show when={editing()} keyed>
        {(row) => (
          <RuleDialog
            category={row.category}
            rule={row.rule}
            title={t('notifications.rule.title', { name: name(row.category) })}
            save={(rule) => api.dealerRules.save(row.category, rule).then(applied)}
            reset={row.source === 'dealer' ? { label: t('notifications.rule.backToDefault'), run: () => api.dealerRules.reset(row.category).then(applied) } : undefined}
            onClose={() => setEditing(null)}
          />
        )}
      </Show>
      <Show when={writing()} keyed>
        {(category) => <TemplateDialog api={api} category={category} canEdit={canEdit()} onChanged={() => void templatesControl.refetch()} onClose={() => setWriting(null)} />}
      </Show>
    </>
  );
}
