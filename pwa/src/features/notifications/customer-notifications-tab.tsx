/**
 * A customer's notifications (customer page → Notifications): every category with the rule that
 * applies to this customer and where it comes from (Parc's default, the dealer's setting, or this
 * customer's own); a rule of its own is set with the same dialog as the dealer's, and dropped to
 * inherit again. Changing needs the Customers screen's edit level.
 */
import { createResource, createSignal, Show } from 'solid-js';
import type { NoticeRuleList, NoticeRuleRow } from '@parc/shared/contracts/notifications';
import type { NoticeCategory } from '@parc/shared/notifications/categories';
import { createApiClient, type ApiError, type ApiResult } from '../../api/client.ts';
import { useFeatureText } from '../console/feature-text.ts';
import { Loaded } from '../console/loaded.tsx';
import { usePermission } from '../console/permissions.tsx';
import { FormError } from '../shell/form-error.tsx';
import { notificationsText } from './messages/index.ts';
import { createNotificationsApi } from './notifications.api.ts';
import { RuleDialog } from './rule-dialog.tsx';
import { rowsOf } from './notifications.rules.ts';
import { RulesTable } from './rules-table.tsx';
import './notifications.css';

const SOURCE_KEYS = {
  default: 'notifications.source.inherited.default',
  dealer: 'notifications.source.inherited.dealer',
  customer: 'notifications.source.customer',
} as const;

export function CustomerNotificationsTab(props: { customer: { id: string; name: string } }) {
  const { t } = useFeatureText(notificationsText);
  const api = createNotificationsApi(createApiClient()).customerRules(props.customer.id);
  const canEdit = usePermission('customers', 'edit');
  const [rules, { refetch, mutate }] = createResource(() => api.list());
  const [editing, setEditing] = createSignal<NoticeRuleRow | null>(null);
  const [changing, setChanging] = createSignal<NoticeCategory | null>(null);
  const [failure, setFailure] = createSignal<ApiError | null>(null);
  const name = (category: NoticeCategory) => t(`notifications.category.${category}.name`);

  /** A change answers every rule as it now applies: the list shows that answer. */
  const applied = (result: ApiResult<NoticeRuleList>) => {
    if (result.ok) mutate(result);
    return result;
  };

  async function inherit(row: NoticeRuleRow) {
    setChanging(row.category);
    setFailure(null);
    const result = applied(await api.reset(row.category));
    setChanging(null);
    if (!result.ok) setFailure(result.error);
  }

  return (
    <section class="card notifications" aria-labelledby="customer-notifications-title">
      <h2 id="customer-notifications-title">{t('notifications.customer.title')}</h2>
      <p class="muted">{t('notifications.customer.intro')}</p>
      <FormError message={failure()} />
      <Loaded result={rules()} retry={refetch}>
        {() => (
          <RulesTable
            rows={rowsOf(rules())}
            testId="customer-notification-rules"
            enabled={(row) => (
              <span class="badge" classList={{ 'badge--ok': row().rule.enabled }}>
                {row().rule.enabled ? t('notifications.on') : t('notifications.off')}
              </span>
            )}
            frequency={(row) => <>{t(`notifications.frequency.${row().rule.frequency}`)}</>}
            source={(row) => t(SOURCE_KEYS[row.source])}
            actions={(row) => (
              <Show when={canEdit()}>
                <button type="button" class="button" data-action="override-rule" aria-label={t('notifications.customer.overrideOf', { name: name(row().category) })} onClick={() => setEditing(row())}>
                  {t('notifications.customer.override')}
                </button>
                <Show when={row().source === 'customer'}>
                  <button
                    type="button"
                    class="button button--quiet"
                    data-action="inherit-rule"
                    aria-label={t('notifications.customer.inheritOf', { name: name(row().category) })}
                    disabled={changing() !== null}
                    onClick={() => void inherit(row())}
                  >
                    {t('notifications.customer.inherit')}
                  </button>
                </Show>
              </Show>
            )}
          />
        )}
      </Loaded>
      <Show when={editing()} keyed>
        {(row) => (
          <RuleDialog
            category={row.category}
            rule={row.rule}
            title={t('notifications.rule.titleFor', { name: name(row.category), customer: props.customer.name })}
            save={(rule) => api.save(row.category, rule).then(applied)}
            reset={row.source === 'customer' ? { label: t('notifications.customer.inherit'), run: () => api.reset(row.category).then(applied) } : undefined}
            onClose={() => setEditing(null)}
          />
        )}
      </Show>
    </section>
  );
}
