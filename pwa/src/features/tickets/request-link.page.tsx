/**
 * `/requests/:id`, the address notification emails carry: sends each signed-in role to the screen
 * that shows the request to them, and anyone else to the login page and back here.
 */
import { Match, Switch } from 'solid-js';
import { Navigate, useParams } from '@solidjs/router';
import { useSession } from '../../app-context.tsx';
import { Loading } from '../shell/loading.tsx';
import { requestPathFor } from './tickets.rules.ts';

// Loaded lazily: its rules module pulls zod, which must stay out of the entry chunk.
export default function RequestLinkPage() {
  const session = useSession();
  const params = useParams<{ id: string }>();
  return (
    <Switch>
      <Match when={session.state.status === 'loading'}>
        <Loading />
      </Match>
      <Match when={session.state.user}>{(user) => <Navigate href={requestPathFor(user().role, params.id)} />}</Match>
      <Match when={true}>
        <Navigate href={`/login?next=${encodeURIComponent(`/requests/${params.id}`)}`} />
      </Match>
    </Switch>
  );
}

