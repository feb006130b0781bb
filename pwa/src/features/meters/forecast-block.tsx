/**
 * The overage forecast of one customer: per counter kind with included pages, a bar (so far,
 * projected, the included mark) and the sentences of forecast.text.ts. Pages only: whoever may
 * see amounts adds them as children.
 */
import { For, type JSX } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import type { PageForecast } from '@parc/shared/contracts/forecast';
import { useI18n } from '../../app-context.tsx';
import { forecastText } from './forecast.text.ts';
import './forecast.css';

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

export function ForecastBlock(props: { forecast: PageForecast; title: string; headingLevel: 2 | 3; now: Date; children?: JSX.Element }) {
  const { t, language } = useI18n();
  const text = () => forecastText(props.forecast, language(), props.now);
  return (
    <section class="forecast card" data-testid="forecast">
      <Dynamic component={`h${props.headingLevel}`} class="forecast__title">
        {props.title}
      </Dynamic>
      <p class="forecast__period muted">{t('meters.forecast.period', { range: text().period })}</p>
      <For each={text().kinds}>
        {(kind) => (
          <div class="forecast__kind" data-counter={kind.counter} data-state={kind.state}>
            <Dynamic component={`h${props.headingLevel + 1}`} class="forecast__kind-title">
              {t(kind.title)}
            </Dynamic>
            <div class="forecast__bar" aria-hidden="true">
              <span class="forecast__projected" style={{ width: percent(kind.bar.projected) }} />
              <span class="forecast__so-far" style={{ width: percent(kind.bar.soFar) }} />
              <span class="forecast__included" style={{ left: percent(kind.bar.included) }} />
            </div>
            <For each={kind.lines}>{(line) => <p class="forecast__line">{t(line.key, line.params)}</p>}</For>
          </div>
        )}
      </For>
      {props.children}
    </section>
  );
}
