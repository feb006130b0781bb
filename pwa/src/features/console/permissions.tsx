/**
 * The signed-in user's permissions per console screen, asked once by the console's frame: the
 * navigation and the screens offer only what the server would accept. Undefined until known (and if
 * the question failed): nothing that needs a permission is offered meanwhile.
 */
import { createContext, createSignal, Match, Switch, useContext, type Accessor, type Component, type ParentProps } from 'solid-js';
import type { RouteSectionProps } from '@solidjs/router';
import { allows, FULL_ACCESS, type AccessLevel, type MyPermissions, type Permissions, type Screen } from '@parc/shared/contracts/profiles';
import { useSession } from '../../app-context.tsx';
import { createApiClient } from '../../api/client.ts';
import { ConsoleStop } from './console-stop.tsx';

interface PermissionsState {
  permissions: Accessor<Permissions | undefined>;
  /** The question failed (offline, say): screens show, and the server decides what they may do. */
  unknown: Accessor<boolean>;
}

const PermissionsContext = createContext<PermissionsState>({ permissions: () => undefined, unknown: () => false });

export function PermissionsProvider(props: ParentProps) {
  // A partner admin may do everything (as the server says): no question, and no wait before the first screen.
  const admin = useSession().state.user?.role === 'partner_admin';
  const [permissions, setPermissions] = createSignal<Permissions | undefined>(admin ? FULL_ACCESS : undefined);
  const [unknown, setUnknown] = createSignal(false);
  if (!admin) {
    void createApiClient()
      .request<MyPermissions>('GET', '/api/me/permissions')
      .then((result) => (result.ok ? setPermissions(result.data.permissions) : setUnknown(true)));
  }
  return <PermissionsContext.Provider value={{ permissions, unknown }}>{props.children}</PermissionsContext.Provider>;
}

/** True once the user is known to have `level` on `screen`. */
export function usePermission(screen: Screen, level: Exclude<AccessLevel, 'none'>): Accessor<boolean> {
  const { permissions } = useContext(PermissionsContext);
  return () => {
    const known = permissions();
    return known !== undefined && allows(known[screen], level);
  };
}

export const usePermissions = (): Accessor<Permissions | undefined> => useContext(PermissionsContext).permissions;

/**
 * A console screen shown only to a profile that may view it (or change, for a screen that only
 * makes something): another gets a page saying so in its language, and the screen never asks the
 * server for what it would refuse.
 */
export function gated(screen: Screen, Page: Component<RouteSectionProps>, level: Exclude<AccessLevel, 'none'> = 'view'): Component<RouteSectionProps> {
  return (props) => {
    const { permissions, unknown } = useContext(PermissionsContext);
    return (
      <Switch fallback={<p class="loading" aria-busy="true" />}>
        <Match when={unknown() || (permissions() && allows(permissions()![screen], level))}>
          <Page {...props} />
        </Match>
        <Match when={permissions()}>
          <ConsoleStop testId="console-forbidden" title="console.forbidden.title" body="console.forbidden.body" />
        </Match>
      </Switch>
    );
  };
}
