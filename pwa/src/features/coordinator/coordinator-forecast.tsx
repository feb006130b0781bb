/**
 * The coordinator's forecast before billing: for each of their customers with included pages, the
 * pages forecast and the period's amount. Asked for on its own, never cached: without it (offline,
 * an error, nothing included) the rest of the screen is the same.
 */
import { createResource, For, Show } from 'solid-js';
import type { AmountForecast } from '@parc/shared/contracts/forecast';
import { createApiClient } from '../../api/client.ts';
import { useI18n } from '../../app-context.tsx';
import { ForecastBlock } from '../meters/forecast-block.tsx';
import { createCoordinatorApi } from './coordinator.api.ts';
import { forecastAmountLine } from './forecast-amount.ts';

export function CoordinatorForecast() {
  const { t, language } = useI18n();
  const [forecast] = createResource(async () => {
    const result = await createCoordinatorApi(createApiClient()).forecast();
    return result.ok ? result.data.items : [];
  });
  const now = new Date();
  const amount = (of: AmountForecast) => {
    const line = forecastAmountLine(of, language(), now);
    return t(line.key, line.params);
  };
  return (
    <Show when={forecast()?.length}>
      <section aria-labelledby="forecast-title" data-testid="coordinator-forecast">
        <h2 id="forecast-title">{t('coordinator.forecast.title')}</h2>
        <For each={forecast()}>
          {(item) => (
            <ForecastBlock forecast={item.forecast} title={item.customerName} headingLevel={3} now={now}>
              <p class="forecast__amount">{amount(item.forecast)}</p>
            </ForecastBlock>
          )}
        </For>
      </section>
    </Show>
  );
}
