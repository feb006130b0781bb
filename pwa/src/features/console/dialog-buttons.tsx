/** A form dialog's last line: Cancel, then the submit button, which waits (disabled) while the request is out. */
import { useFeatureText } from './feature-text.ts';
import { consoleText } from './messages/index.ts';

export function DialogButtons(props: { close: () => void; sending: boolean; submit: string }) {
  const { t } = useFeatureText(consoleText);
  return (
    <div class="dialog-buttons">
      <button type="button" class="button button--quiet" onClick={() => props.close()}>
        {t('console.cancel')}
      </button>
      <button type="submit" class="button button--primary" disabled={props.sending} aria-busy={props.sending}>
        {props.submit}
      </button>
    </div>
  );
}
