/** One queued change in words: what the technician did, for conflicts and records. */
import { Match, Switch } from 'solid-js';
import { COUNTER_LABELS } from '@parc/shared/meters/messages';
import { useI18n } from '../../app-context.tsx';
import type { LocalOp } from '../../sync/tech-ops.ts';
import { formatCount } from './tech.format.ts';
import { fromCatalogue } from '../../i18n/pseudo.ts';

export function OpSummary(props: { op: LocalOp }) {
  const { t, language } = useI18n();
  return (
    <Switch>
      <Match when={props.op.kind === 'request.transition' && props.op}>
        {(op) => t('op.request.transition', { state: t(`tech.state.${op().to}`), comment: op().comment })}
      </Match>
      <Match when={props.op.kind === 'request.edit'}>{t('op.request.edit')}</Match>
      <Match when={props.op.kind === 'request.note' && props.op}>{(op) => t('op.request.note', { text: op().text })}</Match>
      <Match when={props.op.kind === 'request.attachment' && props.op}>{(op) => t('op.request.attachment', { name: op().attachment.fileName })}</Match>
      <Match when={props.op.kind === 'reading' && props.op}>
        {(op) => t('op.reading', { counter: fromCatalogue(COUNTER_LABELS[op().counter][language()]), value: formatCount(language(), op().value) })}
      </Match>
      <Match when={props.op.kind === 'supply.replacement' && props.op}>{(op) => t('op.supply.replacement', { type: op().supplyType })}</Match>
      <Match when={props.op.kind === 'counter.reset' && props.op}>
        {(op) =>
          t('op.counter.reset', {
            kind: t(`tech.reset.kind.${op().resetKind}`),
            counters: op()
              .counters.map((entry) =>
                t('tech.reset.values', { counter: fromCatalogue(COUNTER_LABELS[entry.counter][language()]), final: formatCount(language(), entry.finalValue), start: formatCount(language(), entry.startValue) }),
              )
              .join(', '),
          })
        }
      </Match>
    </Switch>
  );
}
