import { createTheme, DirectionProvider, MantineProvider, useDirection } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Layout } from './components/Layout';
import { MinutesPrintPage } from './components/MinutesPrint';
import { applyDocumentDirection, directionOf } from './i18n/direction';
import { SessionProvider } from './lib/session';
import { AboutPage } from './pages/AboutPage';
import { ActionsBoardPage } from './pages/ActionsBoardPage';
import { AuditPage } from './pages/AuditPage';
import { BodiesPage } from './pages/BodiesPage';
import { BodyNewPage } from './pages/BodyNewPage';
import { BodyPage } from './pages/BodyPage';
import { CoveragePage } from './pages/CoveragePage';
import { ForgotPasswordPage } from './pages/ForgotPasswordPage';
import { ImportPage } from './pages/ImportPage';
import { InvitationPage } from './pages/InvitationPage';
import { LoginPage } from './pages/LoginPage';
import { MeetingEditPage, MeetingNewPage } from './pages/MeetingFormPage';
import { MeetingPage } from './pages/MeetingPage';
import { MeetingsPage } from './pages/MeetingsPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { PeoplePage } from './pages/PeoplePage';
import { PeopleRetentionPage } from './pages/PeopleRetentionPage';
import { PersonNewPage } from './pages/PersonNewPage';
import { PersonPage } from './pages/PersonPage';
import { ResetPasswordPage } from './pages/ResetPasswordPage';
import { RsvpPage } from './pages/RsvpPage';
import { SetupPage } from './pages/SetupPage';
import { TerritoriesPage } from './pages/TerritoriesPage';
import { TerritoryPage } from './pages/TerritoryPage';
import { UserPage } from './pages/UserPage';
import { UsersPage } from './pages/UsersPage';

// Offline only: the system's Arabic fonts, no web font is fetched.
const FONT_STACK = '"Noto Sans Arabic", "Noto Naskh Arabic", "Segoe UI", Tahoma, "DejaVu Sans", system-ui, sans-serif';

const theme = createTheme({
  primaryColor: 'teal',
  fontFamily: FONT_STACK,
  headings: { fontFamily: FONT_STACK },
  defaultRadius: 'md',
});

/** Keeps Mantine's direction in step with the interface language (the document's is set in i18n). */
function DirectionSync() {
  const { i18n } = useTranslation();
  const { setDirection } = useDirection();
  useEffect(() => {
    setDirection(applyDocumentDirection(i18n.language));
  }, [i18n.language, setDirection]);
  return null;
}

export function App() {
  const { i18n } = useTranslation();
  return (
    <DirectionProvider initialDirection={directionOf(i18n.language)} detectDirection={false}>
      <DirectionSync />
      <MantineProvider theme={theme} defaultColorScheme="light">
        <Notifications position="top-center" />
        <SessionProvider>
          <BrowserRouter>
            <Routes>
              <Route element={<Layout />}>
                <Route index element={<CoveragePage />} />
                <Route path="coverage/:code?" element={<CoveragePage />} />
                <Route path="territories" element={<TerritoriesPage />} />
                <Route path="territories/:code" element={<TerritoryPage />} />
                <Route path="bodies" element={<BodiesPage />} />
                <Route path="bodies/new" element={<BodyNewPage />} />
                <Route path="bodies/:id" element={<BodyPage />} />
                <Route path="people" element={<PeoplePage />} />
                <Route path="people/new" element={<PersonNewPage />} />
                <Route path="import" element={<ImportPage />} />
                <Route path="people/retention" element={<PeopleRetentionPage />} />
                <Route path="people/:id" element={<PersonPage />} />
                <Route path="meetings" element={<MeetingsPage />} />
                <Route path="meetings/new" element={<MeetingNewPage />} />
                <Route path="meetings/:id" element={<MeetingPage />} />
                <Route path="meetings/:id/edit" element={<MeetingEditPage />} />
                <Route path="meetings/:id/minutes/print" element={<MinutesPrintPage />} />
                <Route path="actions" element={<ActionsBoardPage />} />
                <Route path="login" element={<LoginPage />} />
                <Route path="forgot-password" element={<ForgotPasswordPage />} />
                <Route path="reset-password" element={<ResetPasswordPage />} />
                <Route path="invitation" element={<InvitationPage />} />
                <Route path="rsvp" element={<RsvpPage />} />
                <Route path="setup" element={<SetupPage />} />
                <Route path="audit" element={<AuditPage />} />
                <Route path="admin/users" element={<UsersPage />} />
                <Route path="admin/users/:id" element={<UserPage />} />
                <Route path="about" element={<AboutPage />} />
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </BrowserRouter>
        </SessionProvider>
      </MantineProvider>
    </DirectionProvider>
  );
}
