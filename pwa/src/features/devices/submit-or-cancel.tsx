/** The footer of the device page's forms: the error, the submit button (busy while sending, so a double tap sends once) and Cancel. */
import type { JSX } from 'solid-js';
import { useI18n } from '../../app-context.tsx';
import { FormError } from '../shell/form-error.tsx';

export function SubmitOrCancel(props: { error: string | null; busy: boolean; disabled?: boolean; label: JSX.Element; danger?: boolean; onCancel(): void }) {
  const { t } = useI18n();
  return (
    <>
      <FormError message={props.error} />
      <div class="actions">
        <button type="submit" class={props.danger ? 'button button--primary button--danger' : 'button button--primary'} disabled={props.busy || props.disabled}>
          {props.busy ? t('common.saving') : props.label}
        </button>
        <button type="button" class="button button--quiet" onClick={() => props.onCancel()}>
          {t('common.cancel')}
        </button>
      </div>
    </>
  );
}
