/**
 * The counter history chart (uPlot): one line per counter, and each reading drawn on top by where
 * it came from — filled dot for the agent, hollow dot for an entry by hand — with flagged (to check,
 * refused) readings as red diamonds. Lines join counting readings only: flagged readings are marked
 * but kept off them, deleted ones are not drawn at all.
 */
import { createEffect, onCleanup, Show } from 'solid-js';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { HistoryReading } from '@parc/shared/contracts/device-console';
import type { CounterKind } from '@parc/shared/meters/counters';
import { useI18n } from '../../app-context.tsx';
import { countLabel, legendInstant, timeTicks } from '../charts/chart-locale.ts';
import { chartData, isFlagged, markedReadings } from './counter-chart.data.ts';

const COLOURS: Record<CounterKind, string> = { total: '#1d4f7c', mono: '#444c56', colour: '#c2185b', scan: '#2e7d32', large: '#ef6c00' };
const FLAGGED = '#b42318';

function drawReadings(u: uPlot, readings: readonly HistoryReading[]) {
  const context = u.ctx;
  const radius = 4 * devicePixelRatio;
  context.save();
  context.lineWidth = 2 * devicePixelRatio;
  for (const reading of readings) {
    const x = u.valToPos(Date.parse(reading.takenAt) / 1000, 'x', true);
    const y = u.valToPos(reading.value, 'y', true);
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    context.beginPath();
    if (isFlagged(reading)) {
      const size = radius * 1.6;
      context.moveTo(x, y - size);
      context.lineTo(x + size, y);
      context.lineTo(x, y + size);
      context.lineTo(x - size, y);
      context.closePath();
      context.fillStyle = FLAGGED;
      context.fill();
      continue;
    }
    context.arc(x, y, radius, 0, 2 * Math.PI);
    context.strokeStyle = COLOURS[reading.counterKind];
    context.fillStyle = reading.source === 'agent' ? COLOURS[reading.counterKind] : '#ffffff';
    context.fill();
    context.stroke();
  }
  context.restore();
}

export function CounterChart(props: { history: readonly HistoryReading[]; kindLabel: (kind: CounterKind) => string }) {
  const { t, language } = useI18n();
  let container!: HTMLDivElement;
  let chart: uPlot | undefined;

  createEffect(() => {
    const history = props.history;
    chart?.destroy();
    if (!history.length) return;
    const { xs, kinds, series } = chartData(history);
    const ticks = timeTicks(language());
    const count = countLabel(language());
    const instant = legendInstant(language());
    const width = () => Math.max(280, container.clientWidth);
    chart = new uPlot(
      {
        width: width(),
        height: 280,
        series: [
          { label: t('device.chart.time'), value: (_u, seconds) => instant(seconds) },
          ...kinds.map((kind) => ({ label: props.kindLabel(kind), stroke: COLOURS[kind], width: 2, spanGaps: true, points: { show: false }, value: (_u: uPlot, value: number | null) => count(value) })),
        ],
        axes: [{ values: (_u, values, _axis, _space, increment) => ticks(values, increment) }, { size: 70, values: (_u, values) => values.map((value) => count(value)) }],
        hooks: { draw: [(u) => drawReadings(u, markedReadings(history))] },
      },
      [xs, ...series],
      container,
    );
    const resize = () => chart?.setSize({ width: width(), height: 280 });
    window.addEventListener('resize', resize);
    onCleanup(() => window.removeEventListener('resize', resize));
  });
  onCleanup(() => chart?.destroy());

  return (
    <figure class="counter-chart" data-testid="counter-chart">
      <Show when={props.history.length} fallback={<p class="muted">{t('device.chart.empty')}</p>}>
        <div ref={container} class="counter-chart__canvas" role="img" aria-label={t('device.chart.label')} />
        <figcaption class="counter-chart__legend">
          <span class="legend legend--agent">{t('device.chart.agent')}</span>
          <span class="legend legend--manual">{t('device.chart.manual')}</span>
          <span class="legend legend--flagged">{t('device.chart.flagged')}</span>
        </figcaption>
      </Show>
    </figure>
  );
}
