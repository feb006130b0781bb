/**
 * A billing run's lines: per device (its counters from start to end value, volume, included and
 * billed pages, unit price, amount; estimates marked), then the customer-level lines (tiered bands,
 * pools, minimum, adjustments with the period they correct), then the total. Cards on a phone.
 */
import { For, Show } from 'solid-js';
import { A } from '@solidjs/router';
import { tieredLines } from '@parc/shared/billing/tiers';
import type { BillingLine, BillingRun, PriceVersion } from '@parc/shared/contracts/billing';
import { useFeatureText } from '../console/feature-text.ts';
import { formatCount } from '../console/format.ts';
import { formatPeriod, groupRunLines, moneyFormat } from './billing.format.ts';
import { billingText } from './messages/index.ts';

const COLUMNS = 6;

export function RunLines(props: { run: BillingRun; prices?: PriceVersion | undefined }) {
  const { t, language } = useFeatureText(billingText);
  const money = () => moneyFormat(language(), props.run.currency);
  const grouped = () => groupRunLines(props.run.lines);
  const count = (value: number | null) => (value === null ? '—' : formatCount(language(), value));
  const counterOf = (line: BillingLine) => (line.counter ? t(`billing.kind.${line.counter}`) : '');

  const label = (line: BillingLine): string => {
    const counter = counterOf(line);
    const withCounter = (text: string) => [text, counter].filter(Boolean).join(' · ');
    switch (line.kind) {
      case 'pages':
        return counter;
      case 'fixed_fee':
      case 'minimum':
        return t(`billing.line.${line.kind}`);
      case 'consumable':
        return t('billing.line.consumable', { supply: line.supplyModel ?? '' });
      case 'tiered':
        return withCounter(t('billing.line.tiered'));
      case 'pool_overage':
      case 'true_up':
        return withCounter(t(`billing.line.${line.kind}`, { pool: line.poolId ?? '' }));
      case 'adjustment':
        return withCounter(t('billing.line.adjustment', { period: line.adjustsPeriod ? formatPeriod(language(), line.adjustsPeriod) : '' }));
    }
  };

  /** The bands of a tiered line, from the price version the run used: pages and amount per band. */
  const bands = (line: BillingLine) => {
    const tiers = line.kind === 'tiered' && line.counter ? props.prices?.prices.tiers[line.counter] : undefined;
    return tiers && tiers.length > 0 ? tieredLines(line.quantity, tiers).filter((band) => band.pages > 0) : [];
  };

  const Row = (row: { line: BillingLine }) => (
    <tr classList={{ 'run-lines__estimated': row.line.estimated }}>
      <th scope="row">
        {label(row.line)}{' '}
        <Show when={row.line.estimated}>
          <span class="badge badge--warn">{t('billing.run.estimated')}</span>
        </Show>
        <Show when={row.line.startValue !== null || row.line.endValue !== null}>
          <small class="run-lines__values">
            <span class="visually-hidden">{t('billing.run.values')}</span>
            <span>{count(row.line.startValue)}</span> → <span>{count(row.line.endValue)}</span>
          </small>
        </Show>
      </th>
      <td data-label={t('billing.run.col.volume')} class="number">
        {count(row.line.quantity)}
      </td>
      <td data-label={t('billing.run.col.included')} class="number">
        {count(row.line.included)}
      </td>
      <td data-label={t('billing.run.col.billed')} class="number">
        {count(row.line.billed)}
      </td>
      <td data-label={t('billing.run.col.unitPrice')} class="number">
        {row.line.unitPrice === null ? '—' : money().unitPrice(row.line.unitPrice)}
      </td>
      <td data-label={t('billing.run.col.amount')} class="number run-lines__amount">
        {row.line.amount === null ? '—' : money().amount(row.line.amount)}
      </td>
    </tr>
  );

  return (
    <div class="table-scroll">
      <table class="table stack-table run-lines">
        <thead>
          <tr>
            <th scope="col">{t('billing.run.col.line')}</th>
            <th scope="col" class="number">
              {t('billing.run.col.volume')}
            </th>
            <th scope="col" class="number">
              {t('billing.run.col.included')}
            </th>
            <th scope="col" class="number">
              {t('billing.run.col.billed')}
            </th>
            <th scope="col" class="number">
              {t('billing.run.col.unitPrice')}
            </th>
            <th scope="col" class="number">
              {t('billing.run.col.amount')}
            </th>
          </tr>
        </thead>
        <Show when={props.run.lines.length === 0}>
          <tbody>
            <tr>
              <td colSpan={COLUMNS} class="muted">
                {t('billing.run.noLines')}
              </td>
            </tr>
          </tbody>
        </Show>
        <For each={grouped().devices}>
          {(device) => (
            <tbody data-device={device.deviceCode}>
              <tr class="run-lines__group">
                <th scope="colgroup" colSpan={COLUMNS}>
                  <A href={`/console/devices/${device.deviceId}`}>{device.deviceCode}</A> · {device.deviceModel}
                </th>
              </tr>
              <For each={device.lines}>{(line) => <Row line={line} />}</For>
            </tbody>
          )}
        </For>
        <Show when={grouped().customer.length > 0}>
          <tbody data-customer-lines>
            <tr class="run-lines__group">
              <th scope="colgroup" colSpan={COLUMNS}>
                {t('billing.run.customerLines')}
              </th>
            </tr>
            <For each={grouped().customer}>
              {(line) => (
                <>
                  <Row line={line} />
                  <For each={bands(line)}>
                    {(band) => (
                      <tr class="run-lines__band">
                        <th scope="row">
                          {band.to === null ? t('billing.run.bandOpen', { from: count(band.from) }) : t('billing.run.band', { from: count(band.from), to: count(band.to) })}
                        </th>
                        <td data-label={t('billing.run.col.volume')} class="number">
                          {count(band.pages)}
                        </td>
                        <td />
                        <td />
                        <td data-label={t('billing.run.col.unitPrice')} class="number">
                          {money().unitPrice(band.price)}
                        </td>
                        <td data-label={t('billing.run.col.amount')} class="number">
                          {money().amount(band.amount.toFixed())}
                        </td>
                      </tr>
                    )}
                  </For>
                </>
              )}
            </For>
          </tbody>
        </Show>
        <tfoot>
          <tr class="run-lines__total">
            <th scope="row" colSpan={COLUMNS - 1}>
              {t('billing.run.total')}
            </th>
            <td class="number" data-testid="run-total">
              {money().amount(props.run.total)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
