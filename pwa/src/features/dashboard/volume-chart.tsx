/** Stacked bars of mono and colour pages per bucket, drawn by uPlot (loaded only when a chart is shown). */
import { createEffect, createResource, onCleanup, onMount } from 'solid-js';
import type uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import './volume-chart.css';
import type { Language } from '@parc/shared/languages';
import type { VolumeReport } from '@parc/shared/contracts/dashboard';
import { formatBucket, formatCount } from '../console/format.ts';

export interface VolumeChartProps {
  report: VolumeReport;
  language: Language;
  labels: { mono: string; colour: string; description: string };
}

/** Per bucket: mono, and mono + colour (the top of the stack), over every series of the report. */
export function stackedTotals(report: VolumeReport): { mono: number[]; total: number[] } {
  const mono = report.buckets.map((_, index) => report.series.reduce((sum, series) => sum + series.points[index]!.mono, 0));
  const colour = report.buckets.map((_, index) => report.series.reduce((sum, series) => sum + series.points[index]!.colour, 0));
  return { mono, total: mono.map((value, index) => value + colour[index]!) };
}

export default function VolumeChart(props: VolumeChartProps) {
  let host!: HTMLDivElement;
  let chart: uPlot | undefined;
  const [library] = createResource(() => import('uplot').then((module) => module.default));
  const width = () => Math.max(280, host.clientWidth);

  createEffect(() => {
    const UPlot = library();
    if (!UPlot) return;
    chart?.destroy();
    const { mono, total } = stackedTotals(props.report);
    const style = getComputedStyle(host);
    const brand = style.getPropertyValue('--brand').trim() || '#1d4f7c';
    const accent = style.getPropertyValue('--accent').trim() || '#f2a900';
    const bars = UPlot.paths.bars!({ size: [0.6, 48] });
    const language = props.language;
    const buckets = props.report.buckets;
    chart = new UPlot(
      {
        width: width(),
        height: 260,
        scales: { x: { time: false, range: (_u, min, max) => [min - 0.5, max + 0.5] }, y: { range: (_u, _min, max) => [0, Math.max(10, max * 1.1)] } },
        legend: { show: false },
        axes: [
          { values: (_u, splits) => splits.map((split) => (Number.isInteger(split) ? formatBucket(language, buckets[split] ?? '') : '')) },
          { values: (_u, splits) => splits.map((split) => formatCount(language, split)), size: 70 },
        ],
        series: [
          {},
          // Drawn back to front: the whole stack (colour on top) behind the mono bar.
          { label: props.labels.colour, fill: accent, stroke: accent, paths: bars },
          { label: props.labels.mono, fill: brand, stroke: brand, paths: bars },
        ],
        cursor: { points: { show: false } },
      },
      [buckets.map((_, index) => index), total, mono],
      host,
    );
  });

  onMount(() => {
    const resize = new ResizeObserver(() => chart?.setSize({ width: width(), height: 260 }));
    resize.observe(host);
    onCleanup(() => resize.disconnect());
  });
  onCleanup(() => chart?.destroy());

  return (
    <figure class="volume-chart">
      <div ref={host} role="img" aria-label={props.labels.description} />
      <figcaption class="volume-chart__legend">
        <span class="swatch swatch--mono">{props.labels.mono}</span>
        <span class="swatch swatch--colour">{props.labels.colour}</span>
      </figcaption>
    </figure>
  );
}
