/**
 * The device page: general information, counters with their history chart, readings (enter, correct,
 * delete), resets and swap, supplies, alerts, history, statistics, custom parameters, settings.
 * Writing actions on readings are offered only when the user's profile allows editing readings.
 */
import { createResource, createSignal, For, Show } from 'solid-js';
import { A, useParams } from '@solidjs/router';
import type { DeviceConsole, DeviceSettingsUpdate, SnmpSettingsInput } from '@parc/shared/contracts/device-console';
import { SNMP_AUTH_PROTOCOLS, SNMP_PRIV_PROTOCOLS, SNMP_SECURITY_LEVELS, SNMP_VERSIONS } from '@parc/shared/contracts/device-console';
import { allows } from '@parc/shared/contracts/profiles';
import type { CounterKind } from '@parc/shared/meters/counters';
import { createApiClient } from '../../api/client.ts';
import { alertText } from '@parc/shared/agents/alert-messages';
import { fromCatalogue } from '../../i18n/pseudo.ts';
import { useI18n } from '../../app-context.tsx';
import { formatBucket } from '../console/format.ts';
import { useBrand } from '../settings/brand.ts';
import { CounterChart } from './counter-chart.tsx';
import { CustomParameters } from './custom-parameters.tsx';
import { DeviceLifecycle } from './device-lifecycle.tsx';
import { StateBadge } from './device-bits.tsx';
import { SuppliesSection } from './supplies-section.tsx';
import { createDevicesApi, type NamedOption } from './devices.api.ts';
import { createReadingsApi } from './readings.api.ts';
import { ReadingsSection } from './readings-section.tsx';
import { ResetsSection } from './resets-section.tsx';
import { SwapSection } from './swap-section.tsx';
import './devices.css';
import './readings.css';
import { apiErrorText } from '../../i18n/api-error.ts';

const client = createApiClient();
const api = createDevicesApi(client);
const readingsApi = createReadingsApi(client);

export function DevicePage() {
  const { t, language } = useI18n();
  useBrand();
  const params = useParams<{ id: string }>();
  const [page, { refetch }] = createResource(() => params.id, (id) => api.page(id));
  const [events, { refetch: refetchEvents }] = createResource(() => params.id, async (id) => {
    const result = await api.events(id);
    return result.ok ? result.data.items : [];
  });
  const data = () => {
    const result = page();
    return result?.ok ? result.data : undefined;
  };
  const failure = () => {
    const result = page();
    return result && !result.ok ? result.error : undefined;
  };
  // Until the permissions are known, nothing that writes is offered.
  const [permissions] = createResource(async () => {
    const result = await readingsApi.myPermissions();
    return result.ok ? result.data.permissions : null;
  });
  const canEditReadings = () => {
    const granted = permissions();
    return !!granted && allows(granted.readings, 'edit');
  };
  const canEditDevices = () => {
    const granted = permissions();
    return !!granted && allows(granted.devices, 'edit');
  };
  const canSwap = () => {
    const granted = permissions();
    return !!granted && allows(granted.readings, 'edit') && allows(granted.devices, 'edit');
  };
  /** Bumped after a reset so the readings and resets lists load again. */
  const [readingsVersion, setReadingsVersion] = createSignal(0);
  const readingsChanged = () => {
    void refetch();
    void refetchEvents();
  };
  const resetDeclared = () => {
    setReadingsVersion(readingsVersion() + 1);
    readingsChanged();
  };
  const kindLabel = (kind: CounterKind) => t(`devices.counter.${kind}`);
  const number = (value: number) => value.toLocaleString(language());
  const dateTime = (iso: string) => new Date(iso).toLocaleString(language(), { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <section class="page device" aria-labelledby="device-title">
      <A class="device__back" href="/console/devices">
        ← {t('device.back')}
      </A>
      <Show when={failure()}>{(error) => <p role="alert" class="form__error">{t('device.loadFailed', { message: apiErrorText(error(), language()) })}</p>}</Show>
      {/* Keyed by the device: moving to another device (after a swap) starts its forms afresh; a refresh of the same one keeps them. */}
      <Show when={data()?.device.id} keyed>
        {(_deviceId: string) => (
          <Show when={data()}>
            {(view) => (
              <>
                <header class="page__heading device__heading">
                  <h1 id="device-title">
                    {view().device.deviceCode} <small>{view().device.manufacturer} {view().device.model}</small>
                  </h1>
                  <StateBadge state={view().state} />
                  <span class={`connection connection--${view().connection}`}>{t(`devices.connection.${view().connection}`)}</span>
                  <Show when={canEditDevices()}>
                    <DeviceLifecycle api={api} device={view().device} onChanged={readingsChanged} />
                  </Show>
                </header>
                <div class="device__grid">
                  <section class="card" aria-labelledby="general">
                    <h2 id="general">{t('device.section.general')}</h2>
                    <dl class="facts">
                      <dt>{t('device.field.customer')}</dt>
                      <dd>{view().customerName}</dd>
                      <dt>{t('device.settings.site')}</dt>
                      <dd>{view().siteName ?? '—'}</dd>
                      <dt>{t('device.field.coordinator')}</dt>
                      <dd>{view().coordinatorName ?? '—'}</dd>
                      <dt>{t('device.field.serial')}</dt>
                      <dd>{view().device.serial}</dd>
                      <dt>{t('device.field.internalNumber')}</dt>
                      <dd>{view().device.internalNumber ?? '—'}</dd>
                      <dt>{t('device.field.location')}</dt>
                      <dd>{view().device.location ?? '—'}</dd>
                      <dt>{t('device.field.ip')}</dt>
                      <dd>{view().device.ip ?? '—'}</dd>
                      <dt>{t('device.field.added')}</dt>
                      <dd>{new Date(view().device.createdAt).toLocaleDateString(language())}</dd>
                      <dt>{t('device.field.installed')}</dt>
                      <dd>{new Date(view().device.installedAt).toLocaleDateString(language())}</dd>
                    </dl>
                    <Show when={view().device.retiredAt}>{(at) => <p class="notice" data-testid="device-retired">{t('device.retired', { date: new Date(at()).toLocaleDateString(language()) })}</p>}</Show>
                    <Show when={view().device.replacesDeviceId}>
                      {(previous) => (
                        <p>
                          <A href={`/console/devices/${previous()}`}>{t('device.replaces')}</A>
                        </p>
                      )}
                    </Show>
                  </section>

                  <section class="card" aria-labelledby="counters">
                    <h2 id="counters">{t('device.section.counters')}</h2>
                    <dl class="facts">
                      <For each={view().counters}>
                        {(counter) => (
                          <>
                            <dt>{kindLabel(counter.kind)}</dt>
                            <dd>
                              {counter.latest
                                ? t('device.latestBy', { value: number(counter.latest.value), date: dateTime(counter.latest.takenAt), source: t(`device.source.${counter.latest.source}`) })
                                : t('device.noReading')}
                            </dd>
                          </>
                        )}
                      </For>
                    </dl>
                  </section>

                  <section class="card device__wide" aria-labelledby="history">
                    <h2 id="history">{t('device.section.history')}</h2>
                    <CounterChart history={view().history} kindLabel={kindLabel} />
                  </section>

                  <section class="card device__wide" aria-labelledby="readings">
                    <h2 id="readings">{t('device.section.readings')}</h2>
                    <ReadingsSection view={view()} api={readingsApi} canEdit={canEditReadings()} version={readingsVersion()} onChanged={readingsChanged} />
                  </section>

                  <section class="card device__wide" aria-labelledby="resets">
                    <h2 id="resets">{t('device.section.resets')}</h2>
                    <ResetsSection view={view()} api={readingsApi} canEdit={canEditReadings()} version={readingsVersion()} onDeclared={resetDeclared} />
                  </section>

                  <Show when={canSwap() && view().device.active && !view().device.retiredAt}>
                    <section class="card device__wide" aria-labelledby="swap">
                      <h2 id="swap">{t('device.swap.title')}</h2>
                      <SwapSection view={view()} api={readingsApi} />
                    </section>
                  </Show>

                  <section class="card device__wide" aria-labelledby="supplies">
                    <h2 id="supplies">{t('device.section.supplies')}</h2>
                    <SuppliesSection deviceId={view().device.id} levels={view().supplies} />
                  </section>

                  <section class="card" aria-labelledby="alerts">
                    <h2 id="alerts">{t('device.section.alerts')}</h2>
                    <ul class="plain-list">
                      <For each={view().alerts} fallback={<li class="muted">{t('device.alerts.none')}</li>}>
                        {(alert) => (
                          <li>
                            <span class={`alert-chip alert-chip--${alert.severity}`}>{t(`device.alert.${alert.severity}`)}</span> {fromCatalogue(alertText(alert, alert.message, language()))}{' '}
                            <small class="muted">{dateTime(alert.since)}</small>
                          </li>
                        )}
                      </For>
                    </ul>
                  </section>

                  <section class="card" aria-labelledby="statistics">
                    <h2 id="statistics">{t('device.section.statistics')}</h2>
                    <Show when={view().statistics.length} fallback={<p class="muted">{t('device.stats.none')}</p>}>
                      <div class="table-scroll">
                        <table class="table">
                          <thead>
                            <tr>
                              <th scope="col">{t('device.stats.month')}</th>
                              <th scope="col">{t('device.stats.mono')}</th>
                              <th scope="col">{t('device.stats.colour')}</th>
                              <th scope="col">{t('device.stats.large')}</th>
                              <th scope="col">{t('device.stats.total')}</th>
                            </tr>
                          </thead>
                          <tbody>
                            <For each={[...view().statistics].reverse().slice(0, 12)}>
                              {(month) => (
                                <tr data-month={month.month} data-total={month.total}>
                                  <td>{formatBucket(language(), month.month)}</td>
                                  <td>{number(month.mono)}</td>
                                  <td>{number(month.colour)}</td>
                                  <td>{number(month.large)}</td>
                                  <td>{number(month.total)}</td>
                                </tr>
                              )}
                            </For>
                          </tbody>
                        </table>
                      </div>
                    </Show>
                  </section>

                  <section class="card" aria-labelledby="events">
                    <h2 id="events">{t('device.section.events')}</h2>
                    <ol class="plain-list events">
                      <For each={events()} fallback={<li class="muted">{t('device.events.none')}</li>}>
                        {(event) => (
                          <li>
                            <strong>{t(`device.event.${event.kind}`)}</strong>
                            <Show when={event.detail}> — {event.detail}</Show> <small class="muted">{dateTime(event.at)}{event.by ? ` · ${event.by}` : ''}</small>
                          </li>
                        )}
                      </For>
                    </ol>
                  </section>

                  <section class="card" aria-labelledby="parameters">
                    <h2 id="parameters">{t('device.section.parameters')}</h2>
                    <CustomParameters target="device" entityId={view().device.id} api={api} />
                  </section>

                  <section class="card device__wide" aria-labelledby="settings">
                    <h2 id="settings">{t('device.section.settings')}</h2>
                    <DeviceSettingsForm
                      view={view()}
                      onSaved={() => {
                        void refetch();
                        void refetchEvents();
                      }}
                    />
                  </section>
                </div>
              </>
            )}
          </Show>
        )}
      </Show>
    </section>
  );
}

function DeviceSettingsForm(props: { view: DeviceConsole; onSaved(): void }) {
  const { t, language } = useI18n();
  const settings = () => props.view.settings;
  const customerId = () => props.view.device.customerId;
  const [sites] = createResource(customerId, async (id): Promise<NamedOption[]> => {
    const result = await api.sites(id);
    return result.ok ? result.data.items : [];
  });
  const [coordinators] = createResource(customerId, async (id): Promise<NamedOption[]> => {
    const result = await api.coordinators(id);
    return result.ok ? result.data.items : [];
  });
  const [version, setVersion] = createSignal<string>(settings().snmp?.version ?? '');
  const [securityLevel, setSecurityLevel] = createSignal<string>(settings().snmp?.securityLevel ?? 'authPriv');
  const [message, setMessage] = createSignal<{ ok: boolean; text: string } | null>(null);
  const [saving, setSaving] = createSignal(false);

  function snmpInput(form: FormData): SnmpSettingsInput | null {
    const text = (name: string) => String(form.get(name) ?? '').trim() || undefined;
    const chosen = version();
    if (!chosen) return null;
    if (chosen !== 'v3') return { version: chosen as 'v1' | 'v2c', community: text('community') };
    return {
      version: 'v3',
      username: text('username') ?? '',
      securityLevel: securityLevel() as (typeof SNMP_SECURITY_LEVELS)[number],
      authProtocol: text('authProtocol') as (typeof SNMP_AUTH_PROTOCOLS)[number] | undefined,
      authKey: text('authKey'),
      privProtocol: text('privProtocol') as (typeof SNMP_PRIV_PROTOCOLS)[number] | undefined,
      privKey: text('privKey'),
    };
  }

  async function save(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const change: DeviceSettingsUpdate = {
      siteId: String(form.get('siteId') ?? '') || null,
      coordinatorId: String(form.get('coordinatorId') ?? '') || null,
      includedInReports: form.get('includedInReports') === 'on',
      active: form.get('active') === 'on',
    };
    // Sent only when set now or before: choosing "the agent's credentials" again clears the device's own.
    const snmp = snmpInput(form);
    if (snmp !== null || settings().snmp !== null) change.snmp = snmp;
    setSaving(true);
    const result = await api.saveSettings(props.view.device.id, change);
    setSaving(false);
    if (result.ok) {
      setMessage({ ok: true, text: t('device.settings.saved') });
      props.onSaved();
    } else setMessage({ ok: false, text: t('common.error', { message: apiErrorText(result.error, language()) }) });
  }

  const secretHint = (set: boolean | undefined) => (set ? t('device.settings.secretSet') : '');

  return (
    <form class="form settings-form" onSubmit={save} data-testid="device-settings">
      <div class="settings-form__grid">
        <label class="field">
          <span>{t('device.settings.site')}</span>
          <select name="siteId">
            <option value="">{t('device.settings.noSite')}</option>
            <For each={sites()}>{(site) => <option value={site.id} selected={site.id === settings().siteId}>{site.name}</option>}</For>
          </select>
        </label>
        <label class="field">
          <span>{t('device.settings.coordinator')}</span>
          <select name="coordinatorId">
            <option value="">{t('device.settings.noCoordinator')}</option>
            <For each={coordinators()}>{(coordinator) => <option value={coordinator.id} selected={coordinator.id === settings().coordinatorId}>{coordinator.name}</option>}</For>
          </select>
        </label>
        <label class="check">
          <input type="checkbox" name="includedInReports" checked={settings().includedInReports} />
          {t('device.settings.reports')}
        </label>
        <label class="check">
          <input type="checkbox" name="active" checked={settings().active} />
          {t('device.settings.active')}
        </label>
      </div>
      <fieldset class="settings-form__snmp">
        <legend>{t('device.settings.snmp')}</legend>
        <label class="field">
          <span>{t('device.settings.snmpVersion')}</span>
          <select name="snmpVersion" value={version()} onChange={(e) => setVersion(e.currentTarget.value)}>
            <option value="">{t('device.settings.snmpDefault')}</option>
            <For each={SNMP_VERSIONS}>{(v) => <option value={v}>{v}</option>}</For>
          </select>
        </label>
        <Show when={version() === 'v1' || version() === 'v2c'}>
          <label class="field">
            <span>{t('device.settings.community')}</span>
            <input name="community" type="password" autocomplete="off" placeholder={secretHint(settings().snmp?.communitySet)} />
          </label>
        </Show>
        <Show when={version() === 'v3'}>
          <label class="field">
            <span>{t('device.settings.username')}</span>
            <input name="username" value={settings().snmp?.username ?? ''} required />
          </label>
          <label class="field">
            <span>{t('device.settings.securityLevel')}</span>
            <select name="securityLevel" value={securityLevel()} onChange={(e) => setSecurityLevel(e.currentTarget.value)}>
              <For each={SNMP_SECURITY_LEVELS}>{(level) => <option value={level}>{level}</option>}</For>
            </select>
          </label>
          <Show when={securityLevel() !== 'noAuthNoPriv'}>
            <label class="field">
              <span>{t('device.settings.authProtocol')}</span>
              <select name="authProtocol" value={settings().snmp?.authProtocol ?? 'sha256'}>
                <For each={SNMP_AUTH_PROTOCOLS}>{(protocol) => <option value={protocol}>{protocol.toUpperCase()}</option>}</For>
              </select>
            </label>
            <label class="field">
              <span>{t('device.settings.authKey')}</span>
              <input name="authKey" type="password" autocomplete="off" placeholder={secretHint(settings().snmp?.authKeySet)} />
            </label>
          </Show>
          <Show when={securityLevel() === 'authPriv'}>
            <label class="field">
              <span>{t('device.settings.privProtocol')}</span>
              <select name="privProtocol" value={settings().snmp?.privProtocol ?? 'aes'}>
                <For each={SNMP_PRIV_PROTOCOLS}>{(protocol) => <option value={protocol}>{protocol.toUpperCase()}</option>}</For>
              </select>
            </label>
            <label class="field">
              <span>{t('device.settings.privKey')}</span>
              <input name="privKey" type="password" autocomplete="off" placeholder={secretHint(settings().snmp?.privKeySet)} />
            </label>
          </Show>
        </Show>
      </fieldset>
      <button class="button button--primary" type="submit" disabled={saving()}>
        {saving() ? t('common.saving') : t('device.settings.save')}
      </button>
      <Show when={message()}>{(shown) => <p role={shown().ok ? 'status' : 'alert'} class={shown().ok ? 'notice' : 'form__error'}>{shown().text}</p>}</Show>
    </form>
  );
}

/** Default export for the console's lazy route. */
export default DevicePage;
