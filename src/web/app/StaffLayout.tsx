import { AppShell, Avatar, Burger, Group, Menu, NativeSelect, NavLink, ScrollArea, Skeleton, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconLogout, IconMapPin, IconUserCircle } from '@tabler/icons-react';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, matchPath, Outlet, useLocation, useMatches } from 'react-router';
import { useCurrentUser, useLogout } from '../features/access/api';
import type { User } from '../features/access/types';
import { hasStoredLanguage, setLanguage } from '../i18n';
import { CurrentSiteProvider, useCurrentSite } from './currentSite';
import { LanguageSwitch } from './LanguageSwitch';
import { LogoMark } from './LogoMark';
import { linkOf, mayOpen, navFor, STAFF_HOME } from './nav';
import { PageLoader } from './PageLoader';
import type { StaffHandle } from './router';
import { ForbiddenPage } from './StatusPages';
import classes from './StaffLayout.module.css';

function SiteSwitcher() {
  const { t } = useTranslation();
  const { site, options, setSiteId, loading } = useCurrentSite();
  if (loading) return <Skeleton h={20} w={140} />;
  if (options.length > 1)
    return (
      <NativeSelect
        aria-label={t('site.current')}
        size="xs"
        value={site?.id ?? ''}
        onChange={(e) => setSiteId(e.currentTarget.value)}
        data={options.map((o) => ({ value: o.id, label: o.name }))}
        leftSection={<IconMapPin size={14} aria-hidden="true" />}
        maw={260}
      />
    );
  return (
    <Group gap={4} wrap="nowrap" c="dimmed" visibleFrom="xs">
      <IconMapPin size={16} aria-hidden="true" />
      <VisuallyHidden>{t('site.current')}: </VisuallyHidden>
      <Text size="sm" truncate="end" maw={240} data-testid="current-site">
        {site?.name ?? t('site.none')}
      </Text>
    </Group>
  );
}

function UserMenu({ user }: { user: User }) {
  const { t } = useTranslation();
  const logout = useLogout();
  const initials = user.displayName
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase())
    .join('');
  return (
    <Menu position="bottom-end" width={220} withArrow>
      <Menu.Target>
        <UnstyledButton className={classes.userButton} aria-label={`${t('user.menu')}: ${user.displayName}`} data-testid="user-menu">
          <Group gap="xs" wrap="nowrap">
            <Avatar size="sm" color="indigo" radius="xl" aria-hidden="true">
              {initials || '?'}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="sm" truncate="end" maw={160}>
              {user.displayName}
            </Text>
            <IconChevronDown size={14} aria-hidden="true" />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{user.username}</Menu.Label>
        <Menu.Item component={Link} to="/profile" leftSection={<IconUserCircle size={16} aria-hidden="true" />}>
          {t('user.profile')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          color="red"
          leftSection={<IconLogout size={16} aria-hidden="true" />}
          data-testid="logout"
          onClick={() => logout.mutate()}
        >
          {t('user.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** The staff area: header (brand, site, language, user menu), role-aware navbar, page outlet. */
export default function StaffLayout() {
  // Navbar labels may come from a feature's namespace (`booking:nav`, see nav.ts).
  const { t } = useTranslation(['translation', 'booking', 'queue', 'survey', 'establishment', 'complaints', 'applications', 'citizens', 'reports']);
  const user = useCurrentUser();
  const { pathname } = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const entries = navFor(user);
  const handle = useMatches().at(-1)?.handle as StaffHandle | undefined;
  const allowed = mayOpen(user, handle ?? {});

  // The account's language applies unless this browser has an explicit choice.
  useEffect(() => {
    if (user.locale && !hasStoredLanguage()) void setLanguage(user.locale, false);
  }, [user.locale]);

  // Close the mobile navbar after navigating.
  useEffect(close, [pathname, close]);

  return (
    <CurrentSiteProvider user={user}>
      <a
        href="#main"
        className={classes.skipLink}
        onClick={(e) => {
          // Move focus without a hash navigation (the router owns the URL).
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('common.skipToContent')}
      </a>
      <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap" miw={0}>
              <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('common.openNavigation')} aria-expanded={opened} aria-controls="staff-navbar" />
              <Link to={STAFF_HOME} className={classes.brand}>
                <LogoMark size={28} />
                <Text fw={700} size="lg" component="span">
                  {t('common.appName')}
                </Text>
              </Link>
              <SiteSwitcher />
            </Group>
            <Group gap="xs" wrap="nowrap">
              <LanguageSwitch />
              <UserMenu user={user} />
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar id="staff-navbar" p="xs" component="nav" aria-label={t('nav.label')}>
          <AppShell.Section grow component={ScrollArea}>
            {entries.map((e) => {
              const to = linkOf(e);
              const active = !!matchPath({ path: to, end: false }, pathname);
              return (
                <NavLink
                  key={e.path}
                  component={Link}
                  to={to}
                  label={t(e.labelKey)}
                  leftSection={<e.icon size={18} stroke={1.6} aria-hidden="true" />}
                  active={active}
                  aria-current={active ? 'page' : undefined}
                  variant="light"
                />
              );
            })}
          </AppShell.Section>
        </AppShell.Navbar>

        <AppShell.Main id="main" tabIndex={-1} className={classes.main}>
          <Suspense fallback={<PageLoader />}>
            {allowed ? <Outlet /> : <ForbiddenPage />}
          </Suspense>
        </AppShell.Main>
      </AppShell>
    </CurrentSiteProvider>
  );
}
