/**
 * The categories in the seed's groups, one row each: its name and what it is about, whether it is
 * on, how often, who gets it and where the rule comes from. The screen using it decides what the
 * state cells and actions are (the dealer's switches in Settings, a customer's overrides on its tab).
 * A card per row below 1280 px. Rows are kept by position (the categories' order never changes), so
 * a switch keeps its focus while the list is read again after a change.
 */
import { Index, Show, type Accessor, type JSX } from 'solid-js';
import type { NoticeRuleRow } from '@parc/shared/contracts/notifications';
import { NOTICE_CATEGORY_DEFINITIONS } from '@parc/shared/notifications/categories';
import { useFeatureText } from '../console/feature-text.ts';
import { notificationsText } from './messages/index.ts';
import { recipientParts, rowsByGroup } from './notifications.rules.ts';

export function RulesTable(props: {
  rows: readonly NoticeRuleRow[];
  testId: string;
  /** The on/off cell. */
  enabled: (row: Accessor<NoticeRuleRow>) => JSX.Element;
  /** The frequency cell. */
  frequency: (row: Accessor<NoticeRuleRow>) => JSX.Element;
  /** The source badge's words. */
  source: (row: NoticeRuleRow) => string;
  actions: (row: Accessor<NoticeRuleRow>) => JSX.Element;
  /** Under the category's description (e.g. that its email text was edited). */
  note?: (row: Accessor<NoticeRuleRow>) => JSX.Element;
}) {
  const { t } = useFeatureText(notificationsText);
  const threshold = (row: NoticeRuleRow) => {
    const unit = NOTICE_CATEGORY_DEFINITIONS[row.category].threshold?.unit;
    return unit && row.rule.threshold !== null ? t(`notifications.threshold.${unit}`, { value: row.rule.threshold }) : null;
  };
  const recipients = (row: NoticeRuleRow) =>
    recipientParts(row.rule)
      .map((part) => ('address' in part ? t(part.key, { address: part.address }) : 'count' in part ? t(part.key, { count: part.count }) : t(part.key)))
      .join(', ');
  return (
    <div class="notification-rules" data-testid={props.testId}>
      <Index each={rowsByGroup(props.rows)}>
        {(group) => (
          <section class="notification-rules__group" data-group={group().group}>
            <h3>{t(`notifications.group.${group().group}`)}</h3>
            <div class="card-table">
              <table class="table">
                <thead>
                  <tr>
                    <th scope="col">{t('notifications.column.category')}</th>
                    <th scope="col">{t('notifications.column.enabled')}</th>
                    <th scope="col">{t('notifications.column.frequency')}</th>
                    <th scope="col">{t('notifications.column.recipients')}</th>
                    <th scope="col">{t('notifications.column.source')}</th>
                    <th scope="col">{t('notifications.column.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  <Index each={group().rows}>
                    {(row) => (
                      <tr data-category={row().category} data-source={row().source}>
                        <th scope="row">
                          <div>{t(`notifications.category.${row().category}.name`)}</div>
                          <div class="muted notification-rules__description">{t(`notifications.category.${row().category}.description`)}</div>
                          <Show when={threshold(row())}>{(text) => <div class="muted notification-rules__description">{text()}</div>}</Show>
                          {props.note?.(row)}
                        </th>
                        <td data-label={t('notifications.column.enabled')}>{props.enabled(row)}</td>
                        <td data-label={t('notifications.column.frequency')}>{props.frequency(row)}</td>
                        <td data-label={t('notifications.column.recipients')} data-recipients>
                          {recipients(row())}
                        </td>
                        <td data-label={t('notifications.column.source')}>
                          <span class="badge" classList={{ 'badge--ok': row().source !== 'default' }} data-testid="rule-source">
                            {props.source(row())}
                          </span>
                        </td>
                        <td class="card-table__actions">
                          <div class="notification-rules__actions">{props.actions(row)}</div>
                        </td>
                      </tr>
                    )}
                  </Index>
                </tbody>
              </table>
            </div>
          </section>
        )}
      </Index>
    </div>
  );
}
