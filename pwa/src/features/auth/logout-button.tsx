import { useNavigate } from '@solidjs/router';
import { useI18n, useSession } from '../../app-context.tsx';

export function LogoutButton() {
  const { t } = useI18n();
  const session = useSession();
  const navigate = useNavigate();

  async function logout() {
    await session.actions.logout();
    navigate('/login', { replace: true });
  }

  return (
    <button type="button" class="button button--quiet" onClick={() => void logout()}>
      {t('auth.logout')}
    </button>
  );
}
