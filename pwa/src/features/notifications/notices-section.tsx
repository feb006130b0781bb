/** The last notices, newest first: when, what about, for which customer, the subject, and whom they reached (sent, or waiting for its digest). */
import { createResource, For, Show } from 'solid-js';
import type { Notice } from '@parc/shared/contracts/notifications';
import { useFeatureText } from '../console/feature-text.ts';
import { formatDateTime } from '../console/format.ts';
import { Loaded } from '../console/loaded.tsx';
import { notificationsText } from './messages/index.ts';
import type { NotificationsApi } from './notifications.api.ts';

export function NoticesSection(props: { api: NotificationsApi }) {
  const { t, language } = useFeatureText(notificationsText);
  const [notices, { refetch }] = createResource(() => props.api.notices());
  return (
    <section class="card notifications" aria-labelledby="notices-title">
      <h2 id="notices-title">{t('notifications.notices.title')}</h2>
      <Loaded result={notices()} retry={refetch}>
        {(list) => (
          <Show when={list.items.length > 0} fallback={<p class="muted">{t('notifications.notices.empty')}</p>}>
            <div class="card-table">
              <table class="table" data-testid="notices">
                <thead>
                  <tr>
                    <th scope="col">{t('notifications.notices.column.subject')}</th>
                    <th scope="col">{t('notifications.notices.column.date')}</th>
                    <th scope="col">{t('notifications.notices.column.category')}</th>
                    <th scope="col">{t('notifications.notices.column.customer')}</th>
                    <th scope="col">{t('notifications.notices.column.recipients')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={list.items}>{(notice) => <NoticeRow notice={notice} />}</For>
                </tbody>
              </table>
            </div>
          </Show>
        )}
      </Loaded>
    </section>
  );

  function NoticeRow(row: { notice: Notice }) {
    return (
      <tr data-notice={row.notice.id}>
        <th scope="row">{row.notice.subject}</th>
        <td data-label={t('notifications.notices.column.date')}>{formatDateTime(language(), row.notice.createdAt)}</td>
        <td data-label={t('notifications.notices.column.category')}>{t(`notifications.category.${row.notice.category}.name`)}</td>
        <td data-label={t('notifications.notices.column.customer')}>{row.notice.customerNumber ?? t('notifications.notices.noCustomer')}</td>
        <td data-label={t('notifications.notices.column.recipients')}>
          <ul class="notices__recipients">
            <For each={row.notice.deliveries}>
              {(delivery) => (
                <li>
                  <span>{delivery.email}</span>{' '}
                  <span class="badge" classList={{ 'badge--ok': delivery.sentAt !== null, 'badge--warn': delivery.sentAt === null }}>
                    {delivery.sentAt
                      ? t('notifications.notices.sent', { date: formatDateTime(language(), delivery.sentAt) })
                      : t('notifications.notices.pending', { frequency: t(`notifications.frequency.${delivery.frequency}`) })}
                  </span>
                </li>
              )}
            </For>
          </ul>
        </td>
      </tr>
    );
  }
}
