/** First-run set-up, the login, or the shell with the page the address names. */
import { Center, Loader } from '@mantine/core';
import { Outlet } from '@tanstack/react-router';
import { useApiQuery } from '../platform/query';
import { useSession } from '../platform/session';
import { LoginPage, SetupPage } from '../pages/entry';
import { Shell } from './Shell';

export function Gate() {
  const session = useSession();
  const status = useApiQuery('setup.get', {});
  if (!status.data || !session.ready) {
    return (
      <Center mih="100vh">
        <Loader />
      </Center>
    );
  }
  if (status.data.needsSetup) return <SetupPage />;
  if (!session.user) return <LoginPage officeName={status.data.officeName} />;
  return (
    <Shell>
      <Outlet />
    </Shell>
  );
}
