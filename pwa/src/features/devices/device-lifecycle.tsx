/**
 * Deactivate, reactivate or delete a device, each after a confirmation. The server refuses to delete
 * a device with history (device.has_history, shown in the dialog): it is deactivated instead.
 */
import { createSignal, Show } from 'solid-js';
import { useNavigate } from '@solidjs/router';
import type { Device } from '@parc/shared/contracts/devices';
import { useI18n } from '../../app-context.tsx';
import { ConfirmDialog } from '../console/confirm-dialog.tsx';
import type { DevicesApi } from './devices.api.ts';

export function DeviceLifecycle(props: { api: DevicesApi; device: Pick<Device, 'id' | 'deviceCode' | 'active' | 'retiredAt'>; onChanged: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [asking, setAsking] = createSignal<'deactivate' | 'delete' | null>(null);

  async function confirmed(action: 'deactivate' | 'delete') {
    const result = action === 'delete' ? await props.api.remove(props.device.id) : await props.api.deactivate(props.device.id);
    if (!result.ok) return result.error;
    if (action === 'delete') navigate('/console/devices');
    else props.onChanged();
    return null;
  }

  async function reactivate() {
    const result = await props.api.reactivate(props.device.id);
    if (!result.ok) return result.error;
    props.onChanged();
    return null;
  }

  return (
    <div class="device__lifecycle">
      <Show when={props.device.active}>
        <button type="button" class="button button--quiet" onClick={() => setAsking('deactivate')}>
          {t('device.action.deactivate')}
        </button>
      </Show>
      <Show when={!props.device.active && !props.device.retiredAt}>
        <button type="button" class="button button--quiet" onClick={() => void reactivate()}>
          {t('device.action.reactivate')}
        </button>
      </Show>
      <button type="button" class="button button--quiet" onClick={() => setAsking('delete')}>
        {t('device.action.delete')}
      </button>
      <Show when={asking()}>
        {(action) => (
          <ConfirmDialog
            title={t(action() === 'delete' ? 'device.confirm.delete' : 'device.confirm.deactivate', { code: props.device.deviceCode })}
            confirmLabel={t(`device.action.${action()}`)}
            danger={action() === 'delete'}
            onConfirm={() => confirmed(action())}
            onClose={() => setAsking(null)}
          >
            <p>{t(action() === 'delete' ? 'device.confirm.deleteBody' : 'device.confirm.deactivateBody')}</p>
          </ConfirmDialog>
        )}
      </Show>
    </div>
  );
}
