/**
 * The signed-in user's permissions per console screen, asked once by the console's frame: the
 * navigation and the screens offer only what the server would accept. Undefined until known (and if
 * the question failed): nothing that needs a permission is offered meanwhile.
 */
import { createContext, createSignal, useContext, type Accessor, type ParentProps } from 'solid-js';
import { allows, type AccessLevel, type MyPermissions, type Permissions, type Screen } from '@parc/shared/contracts/profiles';
import { createApiClient } from '../../api/client.ts';

const PermissionsContext = createContext<Accessor<Permissions | undefined>>(() => undefined);

export function PermissionsProvider(props: ParentProps) {
  const [permissions, setPermissions] = createSignal<Permissions>();
  void createApiClient()
    .request<MyPermissions>('GET', '/api/me/permissions')
    .then((result) => result.ok && setPermissions(result.data.permissions));
  return <PermissionsContext.Provider value={permissions}>{props.children}</PermissionsContext.Provider>;
}

/** True once the user is known to have `level` on `screen`. */
export function usePermission(screen: Screen, level: Exclude<AccessLevel, 'none'>): Accessor<boolean> {
  const permissions = useContext(PermissionsContext);
  return () => {
    const known = permissions();
    return known !== undefined && allows(known[screen], level);
  };
}

export const usePermissions = (): Accessor<Permissions | undefined> => useContext(PermissionsContext);
