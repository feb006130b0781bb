/** Users and profiles: invite, edit (role, language, profile, coordinator's customers), reset password, (de)activate, delete; profiles per screen. */
import { createResource, createSignal, For, Show } from 'solid-js';
import { LANGUAGES } from '@parc/shared/languages';
import { ACCESS_LEVELS, FULL_ACCESS, SCREENS, type Permissions, type Profile } from '@parc/shared/contracts/profiles';
import { createApiClient, type ApiError } from '../../api/client.ts';
import type { Role } from '../../api/auth.ts';
import { useI18n, useSession } from '../../app-context.tsx';
import { usePermission } from '../console/permissions.tsx';
import { apiErrorText } from '../../i18n/api-error.ts';
import { languageNames } from '../../i18n/translate.ts';
import { useBrand } from '../settings/brand.ts';
import { createUsersApi, type UserView } from './users.api.ts';
import './users.css';
import { pluralForm } from '../plural/plural.ts';

const api = createUsersApi(createApiClient());
const ROLES: Role[] = ['partner_admin', 'partner_staff', 'coordinator', 'technician'];

async function itemsOf<T>(request: Promise<{ ok: true; data: { items: T[] } } | { ok: false }>): Promise<T[]> {
  const result = await request;
  return result.ok ? result.data.items : [];
}

export function UsersPage() {
  const { t, language } = useI18n();
  useBrand();
  const session = useSession();
  // Accounts and profiles are managed by partner admins (as the server says); a staff profile at edit may send a password reset.
  const isAdmin = () => session.state.user?.role === 'partner_admin';
  const canEdit = usePermission('users', 'edit');
  const [tab, setTab] = createSignal<'users' | 'profiles'>('users');
  const [users, { refetch: refetchUsers }] = createResource(() => itemsOf(api.list()));
  const [profiles, { refetch: refetchProfiles }] = createResource(() => itemsOf(api.profiles()));
  const [assignments, { refetch: refetchAssignments }] = createResource(() => itemsOf(api.assignments()));
  // Only the invitation and edit forms need the customers (a coordinator's), and only an admin sees them.
  const [customers] = createResource(isAdmin, () => itemsOf(api.customers()));
  const [message, setMessage] = createSignal<{ ok: boolean; text: string } | null>(null);
  const [editing, setEditing] = createSignal<string | null>(null);

  const report = (result: { ok: boolean; error?: ApiError }, success: string) =>
    setMessage(result.ok ? { ok: true, text: success } : { ok: false, text: t('common.error', { message: result.error ? apiErrorText(result.error, language()) : '' }) });
  const profileOf = (userId: string) => assignments()?.find((a) => a.userId === userId)?.profileId ?? '';

  async function invite(event: SubmitEvent) {
    event.preventDefault();
    const formElement = event.currentTarget as HTMLFormElement;
    const form = new FormData(formElement);
    const role = String(form.get('role')) as Role;
    const result = await api.invite({
      email: String(form.get('email')),
      name: String(form.get('name')),
      role,
      language: String(form.get('language')),
      ...(role === 'coordinator' ? { customerIds: form.getAll('customerIds').map(String) } : {}),
    });
    report(result, t('users.invited', { email: String(form.get('email')) }));
    if (result.ok) {
      formElement.reset();
      void refetchUsers();
    }
  }

  async function saveUser(user: UserView, event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const role = String(form.get('role')) as Role;
    const result = await api.change(user.id, {
      name: String(form.get('name')),
      role,
      language: String(form.get('language')),
      customerIds: role === 'coordinator' ? form.getAll('customerIds').map(String) : [],
    });
    if (result.ok && role === 'partner_staff') {
      const profileId = String(form.get('profileId') ?? '') || null;
      if (profileId !== (profileOf(user.id) || null)) report(await api.setProfile(user.id, profileId), t('users.saved'));
      else report(result, t('users.saved'));
    } else report(result, t('users.saved'));
    if (result.ok) {
      setEditing(null);
      void refetchUsers();
      void refetchAssignments();
    }
  }

  async function act(user: UserView, action: 'reset' | 'activate' | 'deactivate' | 'delete') {
    if (action === 'reset') return report(await api.resetPassword(user.id), t('users.resetSent', { email: user.email }));
    if (action === 'delete') {
      if (!confirm(t('users.confirmDelete', { name: user.name }))) return;
      report(await api.erase(user.id), t('users.deleted'));
    } else report(await api.change(user.id, { active: action === 'activate' }), t('users.saved'));
    void refetchUsers();
  }

  return (
    <section class="page users" aria-labelledby="users-title">
      <header class="page__heading">
        <h1 id="users-title">{t('users.title')}</h1>
      </header>
      <div class="tabs" role="tablist">
        <button role="tab" type="button" class="tabs__tab" aria-selected={tab() === 'users'} onClick={() => setTab('users')}>
          {t('users.tab.users')}
        </button>
        <button role="tab" type="button" class="tabs__tab" aria-selected={tab() === 'profiles'} onClick={() => setTab('profiles')}>
          {t('users.tab.profiles')}
        </button>
      </div>
      <Show when={message()}>{(shown) => <p role={shown().ok ? 'status' : 'alert'} class={shown().ok ? 'notice' : 'form__error'}>{shown().text}</p>}</Show>

      <Show when={tab() === 'users'}>
        <details class="card" hidden={!isAdmin()}>
          <summary>{t('users.invite')}</summary>
          <UserFields onSubmit={invite} submitLabel={t('users.invite.send')} withEmail customers={customers() ?? []} profiles={[]} />
        </details>
        <div class="table-scroll">
          <table class="table users__table">
            <thead>
              <tr>
                <th scope="col">{t('users.name')}</th>
                <th scope="col">{t('users.email')}</th>
                <th scope="col">{t('users.role')}</th>
                <th scope="col">{t('users.profile')}</th>
                <th scope="col">{t('users.status')}</th>
                <th scope="col">{t('users.actions')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={users()}>
                {(user) => (
                  <>
                    <tr data-user-email={user.email}>
                      <td>{user.name}</td>
                      <td>{user.email}</td>
                      <td>{t(`role.${user.role}`)}</td>
                      <td>{user.role === 'partner_staff' ? (profiles()?.find((p) => p.id === profileOf(user.id))?.name ?? t('users.profile.full')) : '—'}</td>
                      <td>{user.invitationPending ? t('users.pending') : user.active ? t('users.active') : t('users.inactive')}</td>
                      <td class="users__actions">
                        <Show when={isAdmin()}>
                          <button type="button" class="button button--quiet" onClick={() => setEditing(editing() === user.id ? null : user.id)}>
                            {t('users.edit')}
                          </button>
                        </Show>
                        <Show when={canEdit()}>
                          <button type="button" class="button button--quiet" data-action="reset-password" disabled={!user.active} onClick={() => act(user, 'reset')}>
                            {t('users.resetPassword')}
                          </button>
                        </Show>
                        <Show when={isAdmin()}>
                          <button type="button" class="button button--quiet" onClick={() => act(user, user.active ? 'deactivate' : 'activate')}>
                            {user.active ? t('users.deactivate') : t('users.activate')}
                          </button>
                          <button type="button" class="button button--quiet button--danger" onClick={() => act(user, 'delete')}>
                            {t('users.delete')}
                          </button>
                        </Show>
                      </td>
                    </tr>
                    <Show when={editing() === user.id}>
                      <tr>
                        <td colSpan={6}>
                          <UserFields user={user} profileId={profileOf(user.id)} onSubmit={(event) => saveUser(user, event)} submitLabel={t('users.save')} customers={customers() ?? []} profiles={profiles() ?? []} />
                        </td>
                      </tr>
                    </Show>
                  </>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>

      <Show when={tab() === 'profiles'}>
        <ProfilesEditor
          profiles={profiles() ?? []}
          editable={isAdmin()}
          onChanged={(result, text) => {
            report(result, text);
            void refetchProfiles();
          }}
        />
      </Show>
    </section>
  );
}

function UserFields(props: {
  user?: UserView;
  profileId?: string;
  withEmail?: boolean;
  submitLabel: string;
  customers: { id: string; name: string }[];
  profiles: Profile[];
  onSubmit(event: SubmitEvent): void;
}) {
  const { t } = useI18n();
  const [role, setRole] = createSignal<Role>(props.user?.role ?? 'partner_staff');
  return (
    <form class="form user-fields" onSubmit={(event) => props.onSubmit(event)}>
      <label class="field">
        <span>{t('users.name')}</span>
        <input name="name" required value={props.user?.name ?? ''} />
      </label>
      <Show when={props.withEmail}>
        <label class="field">
          <span>{t('users.email')}</span>
          <input name="email" type="email" required />
        </label>
      </Show>
      <label class="field">
        <span>{t('users.role')}</span>
        <select name="role" value={role()} onChange={(e) => setRole(e.currentTarget.value as Role)}>
          <For each={ROLES}>{(r) => <option value={r}>{t(`role.${r}`)}</option>}</For>
        </select>
      </label>
      <label class="field">
        <span>{t('users.language')}</span>
        <select name="language" value={props.user?.language ?? 'fr'}>
          <For each={LANGUAGES}>{(language) => <option value={language}>{languageNames[language]}</option>}</For>
        </select>
      </label>
      <Show when={role() === 'partner_staff' && props.profiles.length}>
        <label class="field">
          <span>{t('users.profile')}</span>
          <select name="profileId" value={props.profileId ?? ''}>
            <option value="">{t('users.profile.full')}</option>
            <For each={props.profiles}>{(profile) => <option value={profile.id}>{profile.name}</option>}</For>
          </select>
        </label>
      </Show>
      <Show when={role() === 'coordinator'}>
        <label class="field">
          <span>{t('users.customers')}</span>
          <select name="customerIds" multiple size={4}>
            <For each={props.customers}>{(customer) => <option value={customer.id} selected={props.user?.customerIds.includes(customer.id)}>{customer.name}</option>}</For>
          </select>
        </label>
      </Show>
      <button class="button button--primary" type="submit">
        {props.submitLabel}
      </button>
    </form>
  );
}

/** Profiles: shown to whoever may view users, changed by partner admins only (read-only otherwise). */
function ProfilesEditor(props: { profiles: Profile[]; editable: boolean; onChanged(result: { ok: boolean; error?: ApiError }, text: string): void }) {
  const { t, language } = useI18n();
  const [selected, setSelected] = createSignal<string | 'new'>('new');
  const current = () => props.profiles.find((profile) => profile.id === selected());
  const [permissions, setPermissions] = createSignal<Permissions>({ ...FULL_ACCESS });
  const [name, setName] = createSignal('');
  const choose = (id: string | 'new') => {
    setSelected(id);
    const profile = props.profiles.find((p) => p.id === id);
    setName(profile?.name ?? '');
    setPermissions({ ...(profile?.permissions ?? FULL_ACCESS) });
  };

  async function save(event: SubmitEvent) {
    event.preventDefault();
    const profile = current();
    const result = profile ? await api.changeProfile(profile.id, { name: name(), permissions: permissions() }) : await api.createProfile({ name: name(), permissions: permissions() });
    props.onChanged(result, t('profiles.saved'));
    if (result.ok) setSelected(result.data.id);
  }

  async function remove() {
    const profile = current();
    if (!profile) return;
    const result = await api.deleteProfile(profile.id);
    props.onChanged(result, t('profiles.saved'));
    if (result.ok) choose('new');
  }

  return (
    <div class="profiles">
      <ul class="plain-list profiles__list">
        <For each={props.profiles} fallback={<li class="muted">{t('profiles.none')}</li>}>
          {(profile) => (
            <li>
              <button type="button" class="button button--quiet" aria-pressed={selected() === profile.id} onClick={() => choose(profile.id)}>
                {profile.name} <small class="muted">{t(`profiles.users.${pluralForm(language(), profile.userCount)}`, { count: profile.userCount })}</small>
              </button>
            </li>
          )}
        </For>
        <li hidden={!props.editable}>
          <button type="button" class="button" onClick={() => choose('new')}>
            {t('profiles.add')}
          </button>
        </li>
      </ul>
      <form class="card form" onSubmit={save}>
        <fieldset class="profiles__fields" disabled={!props.editable}>
        <label class="field">
          <span>{t('profiles.name')}</span>
          <input name="profileName" required value={name()} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{t('profiles.screen')}</th>
              <For each={ACCESS_LEVELS}>{(level) => <th scope="col">{t(`profiles.level.${level}`)}</th>}</For>
            </tr>
          </thead>
          <tbody>
            <For each={SCREENS}>
              {(screen) => (
                <tr>
                  <th scope="row">{t(`profiles.screen.${screen}`)}</th>
                  <For each={ACCESS_LEVELS}>
                    {(level) => (
                      <td>
                        <input
                          type="radio"
                          name={`permission-${screen}`}
                          aria-label={`${t(`profiles.screen.${screen}`)}: ${t(`profiles.level.${level}`)}`}
                          checked={permissions()[screen] === level}
                          onChange={() => setPermissions({ ...permissions(), [screen]: level })}
                        />
                      </td>
                    )}
                  </For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
        </fieldset>
        <div class="devices__panel-actions" hidden={!props.editable}>
          <button class="button button--primary" type="submit">
            {t('profiles.save')}
          </button>
          <Show when={current()}>
            <button class="button button--quiet button--danger" type="button" onClick={remove}>
              {t('profiles.delete')}
            </button>
          </Show>
        </div>
      </form>
    </div>
  );
}

/** Default export for the console's lazy route. */
export default UsersPage;
