/**
 * A question before a heavy or final action (delete, deactivate): the action's own name on its
 * button, Cancel beside it. The action runs from the dialog; an error it answers stays in the dialog,
 * worded in the person's language, and success closes it.
 */
import { createSignal, createUniqueId, type JSX } from 'solid-js';
import type { ApiError } from '../../api/client.ts';
import { FormError } from '../shell/form-error.tsx';
import { useFeatureText } from './feature-text.ts';
import { consoleText } from './messages/index.ts';
import { ModalDialog } from './modal-dialog.tsx';

export function ConfirmDialog(props: {
  title: string;
  children?: JSX.Element;
  confirmLabel: string;
  /** The button that closes without acting, when "Cancel" would be ambiguous (the action itself cancels something). */
  cancelLabel?: string;
  /** A deletion: the confirm button says it in red. */
  danger?: boolean;
  /** The action; an error keeps the dialog open with the error shown. */
  onConfirm: () => Promise<ApiError | null>;
  onClose: () => void;
}) {
  const { t } = useFeatureText(consoleText);
  const id = createUniqueId();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<ApiError | null>(null);
  let dialog: HTMLDialogElement | undefined;

  async function confirm() {
    setBusy(true);
    const failure = await props.onConfirm();
    setBusy(false);
    if (failure) return setError(failure);
    dialog?.close();
  }

  return (
    <ModalDialog labelledBy={`confirm-${id}`} onClose={props.onClose} ref={(element) => (dialog = element)}>
      <div class="card confirm-dialog" data-testid="confirm-dialog">
        <h2 id={`confirm-${id}`}>{props.title}</h2>
        {props.children}
        <FormError message={error()} />
        <div class="dialog-buttons">
          <button type="button" class="button button--quiet" onClick={() => dialog?.close()}>
            {props.cancelLabel ?? t('console.cancel')}
          </button>
          <button type="button" class="button" classList={{ 'button--danger': props.danger, 'button--primary': !props.danger }} disabled={busy()} aria-busy={busy()} onClick={() => void confirm()}>
            {props.confirmLabel}
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}
