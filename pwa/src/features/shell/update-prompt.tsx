/** Tells the person when a new version is ready and lets them choose the moment to reload. */
import { Show } from 'solid-js';
import { useRegisterSW } from 'virtual:pwa-register/solid';
import { useI18n } from '../../app-context.tsx';

export function UpdatePrompt() {
  const { t } = useI18n();
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW({ immediate: true });

  return (
    <Show when={needRefresh() || offlineReady()}>
      <div class="banner banner--update" role="status">
        <span>{needRefresh() ? t('app.updateAvailable') : t('app.offlineReady')}</span>
        <Show when={needRefresh()}>
          <button type="button" class="button" onClick={() => void updateServiceWorker(true)}>
            {t('app.updateNow')}
          </button>
        </Show>
        <button
          type="button"
          class="button button--quiet"
          onClick={() => {
            setNeedRefresh(false);
            setOfflineReady(false);
          }}
        >
          {needRefresh() ? t('app.updateLater') : t('app.dismiss')}
        </button>
      </div>
    </Show>
  );
}
