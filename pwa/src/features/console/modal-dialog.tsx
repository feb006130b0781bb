/** A modal <dialog>, open while mounted; Escape or `close()` calls onClose, which should unmount it. */
import { onCleanup, onMount, type ParentProps } from 'solid-js';

export function ModalDialog(props: ParentProps<{ labelledBy: string; onClose: () => void; width?: string; ref?: (dialog: HTMLDialogElement) => void }>) {
  let dialog: HTMLDialogElement | undefined;
  onMount(() => dialog?.showModal());
  onCleanup(() => dialog?.open && dialog.close());
  return (
    <dialog
      ref={(element) => {
        dialog = element;
        props.ref?.(element);
      }}
      class="modal-dialog"
      style={{ '--dialog-width': props.width ?? '32rem' }}
      aria-labelledby={props.labelledBy}
      onClose={() => props.onClose()}
    >
      {props.children}
    </dialog>
  );
}
