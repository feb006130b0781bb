/** A route layout that lets through only the given area's roles; others go to login or their own home. */
import { Match, Switch, type Component } from 'solid-js';
import { Navigate, useLocation, type RouteSectionProps } from '@solidjs/router';
import { useSession } from '../../app-context.tsx';
import { Loading } from './loading.tsx';
import { homePathFor, rolesOf, type Area } from './navigation.ts';

export function roleGate(area: Area): Component<RouteSectionProps> {
  const allowed = rolesOf(area);
  return (props) => {
    const session = useSession();
    const location = useLocation();
    const loginPath = () => `/login?next=${encodeURIComponent(location.pathname + location.search)}`;
    const userOfAnotherArea = () => {
      const user = session.state.user;
      return user && !allowed.includes(user.role) ? user : undefined;
    };
    return (
      <Switch>
        <Match when={session.state.status === 'loading'}>
          <Loading />
        </Match>
        <Match when={!session.state.user}>
          <Navigate href={loginPath()} />
        </Match>
        <Match when={userOfAnotherArea()}>
          {(user) => <Navigate href={homePathFor(user().role)} />}
        </Match>
        <Match when={true}>{props.children}</Match>
      </Switch>
    );
  };
}

/** `/`: each role's home, or the login page. */
export function HomeRedirect() {
  const session = useSession();
  return (
    <Switch>
      <Match when={session.state.status === 'loading'}>
        <Loading />
      </Match>
      <Match when={session.state.user}>{(user) => <Navigate href={homePathFor(user().role)} />}</Match>
      <Match when={true}>
        <Navigate href="/login" />
      </Match>
    </Switch>
  );
}
