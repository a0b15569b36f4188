import { Anchor, AppShell, Burger, Button, Group, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useSession } from '../lib/session';
import { LanguageSwitcher } from './LanguageSwitcher';

/** Who sees an entry: everyone, those who read the audit log (administrators and officers), administrators. */
type NavAudience = 'all' | 'auditors' | 'admins';

const NAV_ITEMS: readonly { to: string; key: string; testId: string; audience: NavAudience; isActive: (path: string) => boolean }[] = [
  { to: '/', key: 'nav.coverage', testId: 'nav-coverage', audience: 'all', isActive: (path) => path === '/' || path.startsWith('/coverage') },
  { to: '/territories', key: 'nav.territories', testId: 'nav-territories', audience: 'all', isActive: (path) => path.startsWith('/territories') },
  { to: '/bodies', key: 'nav.bodies', testId: 'nav-bodies', audience: 'all', isActive: (path) => path.startsWith('/bodies') },
  { to: '/people', key: 'nav.people', testId: 'nav-people', audience: 'all', isActive: (path) => path.startsWith('/people') },
  { to: '/meetings', key: 'nav.meetings', testId: 'nav-meetings', audience: 'all', isActive: (path) => path.startsWith('/meetings') },
  { to: '/actions', key: 'nav.actions', testId: 'nav-actions', audience: 'all', isActive: (path) => path.startsWith('/actions') },
  { to: '/import', key: 'nav.import', testId: 'nav-import', audience: 'auditors', isActive: (path) => path.startsWith('/import') },
  { to: '/audit', key: 'nav.audit', testId: 'nav-audit', audience: 'auditors', isActive: (path) => path.startsWith('/audit') },
  { to: '/admin/users', key: 'nav.users', testId: 'nav-users', audience: 'admins', isActive: (path) => path.startsWith('/admin/users') },
  { to: '/about', key: 'nav.about', testId: 'nav-about', audience: 'all', isActive: (path) => path.startsWith('/about') },
];

export function Layout() {
  const { t } = useTranslation();
  const [isNavOpen, nav] = useDisclosure(false);
  const { user, isKnown, isAdmin, canReadAudit, signOut } = useSession();
  const isShown = (audience: NavAudience) => audience === 'all' || (audience === 'admins' ? isAdmin : canReadAudit);
  const location = useLocation();
  const navigate = useNavigate();

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !isNavOpen } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={isNavOpen} onClick={nav.toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.menu')} />
            <Anchor component={Link} to="/" underline="never" c="inherit">
              <Group gap={8} wrap="nowrap">
                <img src="/favicon.svg" alt="" width={26} height={26} />
                <Title order={3} size="h4" data-testid="app-title">
                  {t('app.name')}
                </Title>
              </Group>
            </Anchor>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitcher />
            {isKnown && user && (
              <Group gap="xs" wrap="nowrap" data-testid="user-menu">
                <Text size="sm" fw={500} visibleFrom="xs" data-testid="user-name">
                  {user.name}
                </Text>
                <Button
                  variant="subtle"
                  size="xs"
                  data-testid="sign-out"
                  onClick={() => {
                    void signOut().then(() => navigate('/'));
                  }}
                >
                  {t('auth.signOut')}
                </Button>
              </Group>
            )}
            {isKnown && !user && (
              <Button component={Link} to="/login" size="xs" variant="light" data-testid="sign-in-link">
                {t('auth.signIn')}
              </Button>
            )}
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label={t('nav.main')}>
        {NAV_ITEMS.filter((item) => isShown(item.audience)).map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={t(item.key)}
            active={item.isActive(location.pathname)}
            data-testid={item.testId}
            onClick={nav.close}
          />
        ))}
      </AppShell.Navbar>

      <AppShell.Main>
        <Outlet />
        {/* The attribution follows the page instead of floating over it, so it prints and never hides a row. */}
        <footer data-testid="footer" className="tanzim-footer">
          <Group gap="xs" wrap="wrap">
            <Text size="xs" c="dimmed">
              {t('footer.attribution')}
            </Text>
            <Anchor component={Link} to="/about" size="xs" data-testid="footer-about">
              {t('footer.more')}
            </Anchor>
          </Group>
        </footer>
      </AppShell.Main>
    </AppShell>
  );
}
