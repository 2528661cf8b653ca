import { useEffect, useState } from 'react';
import { Center, Loader } from '@mantine/core';
import { api } from '../api/client';
import { SessionProvider, useSession } from './session';
import { useRoute } from './router';
import { Shell } from './Shell';
import { SetupPage } from '../pages/SetupPage';
import { LoginPage } from '../pages/LoginPage';
import { HomePage } from '../pages/HomePage';
import { PetitionRoutes } from '../pages/petitions';
import { AdminRoutes } from '../pages/admin';
import { DutyRoutes } from '../pages/duty';
import { AlarmRoutes } from '../pages/alarms';
import { ReportRoutes } from '../pages/reports';
import { WarningRoutes } from '../pages/warnings';
import { StatsRoutes } from '../pages/stats';
import { NoticeRoutes } from '../pages/notices';

function Routes() {
  const route = useRoute();
  const [first] = route.parts;
  if (first === 'petitions') return <PetitionRoutes route={route} />;
  if (first === 'admin') return <AdminRoutes route={route} />;
  if (first === 'duty' || first === 'handover') return <DutyRoutes route={route} />;
  if (first === 'alarms') return <AlarmRoutes route={route} />;
  if (first === 'reports' || first === 'zero-reports') return <ReportRoutes route={route} />;
  if (first === 'warnings') return <WarningRoutes route={route} />;
  if (first === 'stats') return <StatsRoutes route={route} />;
  if (first === 'notices') return <NoticeRoutes route={route} />;
  return <HomePage />;
}

function Gate() {
  const session = useSession();
  const [status, setStatus] = useState<{ needsSetup: boolean; officeName: string | null } | null>(null);
  useEffect(() => {
    void api.call('setup.get', {}).then((r) => {
      if (r.ok) setStatus(r.value);
    });
  }, []);
  if (!status || !session.ready) {
    return (
      <Center mih="100vh">
        <Loader />
      </Center>
    );
  }
  if (status.needsSetup) return <SetupPage onDone={() => setStatus({ ...status, needsSetup: false })} />;
  if (!session.user) return <LoginPage officeName={status.officeName} />;
  return (
    <Shell>
      <Routes />
    </Shell>
  );
}

export function App() {
  return (
    <SessionProvider>
      <Gate />
    </SessionProvider>
  );
}
