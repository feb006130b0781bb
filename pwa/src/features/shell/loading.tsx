import { useI18n } from '../../app-context.tsx';

export function Loading() {
  const { t } = useI18n();
  return (
    <p class="loading" role="status">
      {t('app.loading')}
    </p>
  );
}
