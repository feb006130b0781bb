/** A page inside the console's frame that stops the user (no such screen, or not theirs), its navigation kept, with the way back to the dashboard. */
import { A } from '@solidjs/router';
import { useFeatureText } from './feature-text.ts';
import { consoleText } from './messages/index.ts';

export function ConsoleStop(props: { testId: string; title: 'console.notFound.title' | 'console.forbidden.title'; body: 'console.notFound.body' | 'console.forbidden.body' }) {
  const { t } = useFeatureText(consoleText);
  return (
    <section aria-labelledby="page-title" data-testid={props.testId}>
      <div class="page__heading">
        <h1 id="page-title">{t(props.title)}</h1>
      </div>
      <p>{t(props.body)}</p>
      <A class="button button--primary" href="/console">
        {t('console.notFound.dashboard')}
      </A>
    </section>
  );
}
