/** An address under /console that names no screen: said inside the frame, its navigation kept, with the way back to the dashboard. */
import { A } from '@solidjs/router';
import { useFeatureText } from './feature-text.ts';
import { consoleText } from './messages/index.ts';

export default function ConsoleNotFoundPage() {
  const { t } = useFeatureText(consoleText);
  return (
    <section aria-labelledby="page-title" data-testid="console-not-found">
      <div class="page__heading">
        <h1 id="page-title">{t('console.notFound.title')}</h1>
      </div>
      <p>{t('console.notFound.body')}</p>
      <A class="button button--primary" href="/console">
        {t('console.notFound.dashboard')}
      </A>
    </section>
  );
}
