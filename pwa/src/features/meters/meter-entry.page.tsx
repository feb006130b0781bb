/**
 * STUB: the customer's meter entry page, reached without an account through the signed link
 * `/m/:token` of the monthly e-mail. The meter campaign issue fills it; the route is reserved here.
 */
import { useI18n } from '../../app-context.tsx';

export function MeterEntryPage() {
  const { t } = useI18n();
  return (
    <section class="page" aria-labelledby="page-title">
      <h1 id="page-title">{t('meters.entry.title')}</h1>
    </section>
  );
}
