import { A } from '@solidjs/router';
import { useI18n } from '../../app-context.tsx';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <section class="page page--narrow" aria-labelledby="page-title">
      <h1 id="page-title">{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <A class="button" href="/">
        {t('notFound.home')}
      </A>
    </section>
  );
}
