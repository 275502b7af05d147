/** The page frame: skip link, header with logo, navigation and language switch, main landmark, footer. */
import {
  Anchor,
  AppShell,
  Box,
  Burger,
  Button,
  Container,
  Group,
  SegmentedControl,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { isStaff, useMe, useSignOut } from '../api/session';
import { PageLoader } from '../components/page-loader';
import classes from './layout.module.css';
import { NetworkBanner } from './network-banner';

interface NavItem {
  to: string;
  label: string;
}

function useNavItems(): NavItem[] {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const items: NavItem[] = [
    { to: '/track', label: t('nav.track') },
    { to: '/reports', label: t('nav.feed') },
    { to: '/stats', label: t('nav.stats') },
  ];
  // Staff find the programs in their workspace's navigation; everyone else here.
  if (!isStaff(me)) items.push({ to: '/programs', label: t('nav.programs') });
  if (me && !isStaff(me)) items.push({ to: '/my-reports', label: t('nav.myReports') });
  if (isStaff(me))
    items.push({ to: '/staff', label: t('nav.staff') }, { to: '/dashboard', label: t('nav.dashboard') });
  return items;
}

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.label')}
      value={i18n.language === 'en' ? 'en' : 'id'}
      onChange={(v) => void i18n.changeLanguage(v)}
      data={[
        {
          value: 'id',
          label: (
            <span title={t('language.idLong')} lang="id">
              {t('language.id')}
            </span>
          ),
        },
        {
          value: 'en',
          label: (
            <span title={t('language.enLong')} lang="en">
              {t('language.en')}
            </span>
          ),
        },
      ]}
    />
  );
}

function AccountButtons({ vertical }: { vertical?: boolean }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const Wrap = vertical ? Stack : Group;
  if (me)
    return (
      <Wrap gap="xs">
        {!isStaff(me) && (
          <Button component={Link} to="/account" variant="subtle" size="compact-sm">
            {t('nav.account')}
          </Button>
        )}
        <Button
          variant="outline"
          size="compact-sm"
          onClick={async () => {
            await signOut();
            navigate('/');
          }}
        >
          {t('nav.logout')}
        </Button>
      </Wrap>
    );
  return (
    <Wrap gap="xs">
      <Button component={Link} to="/login" variant="subtle" size="compact-sm">
        {t('nav.login')}
      </Button>
      <Button component={Link} to="/register" variant="outline" size="compact-sm">
        {t('nav.register')}
      </Button>
    </Wrap>
  );
}

export function Layout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const items = useNavItems();
  const { pathname } = useLocation();
  // Close the mobile menu after navigating.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on path change on purpose
  useEffect(() => close(), [pathname, close]);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 260, breakpoint: 'md', collapsed: { desktop: true, mobile: !opened } }}
      padding={0}
    >
      <a href="#main" className={classes.skip}>
        {t('skipToContent')}
      </a>
      <AppShell.Header>
        <Container size="lg" h="100%">
          <Group h="100%" justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="md"
                size="sm"
                aria-label={t('nav.menu')}
                aria-expanded={opened}
              />
              <UnstyledButton
                component={Link}
                to="/"
                className={classes.logo}
                aria-label={`${t('appName')} — ${t('nav.home')}`}
              >
                Pintu
              </UnstyledButton>
            </Group>
            <Group gap={4} visibleFrom="md" component="nav" aria-label={t('nav.main')} wrap="nowrap">
              {items.map((i) => (
                <NavLink key={i.to} to={i.to} className={classes.link}>
                  {i.label}
                </NavLink>
              ))}
            </Group>
            <Group gap="xs" wrap="nowrap">
              <Button component={Link} to="/report" size="compact-md" visibleFrom="xs">
                {t('nav.report')}
              </Button>
              <LanguageSwitch />
              <Box visibleFrom="md">
                <AccountButtons />
              </Box>
            </Group>
          </Group>
        </Container>
      </AppShell.Header>
      <AppShell.Navbar p="md" hiddenFrom="md" aria-label={t('nav.menu')}>
        <Stack gap="xs">
          <NavLink to="/report" className={classes.link}>
            {t('nav.report')}
          </NavLink>
          {items.map((i) => (
            <NavLink key={i.to} to={i.to} className={classes.link}>
              {i.label}
            </NavLink>
          ))}
          <AccountButtons vertical />
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} className={classes.main}>
        <NetworkBanner />
        <Box className={classes.content}>
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </Box>
        <Box component="footer" className={classes.footer}>
          <Container size="lg">
            <Text size="sm">{t('footer.about')}</Text>
            <Group gap="md" mt={4}>
              <Anchor component={Link} to="/data" size="sm">
                {t('footer.openData')}
              </Anchor>
              <Anchor href="/api/docs" size="sm">
                {t('footer.api')}
              </Anchor>
              <Text size="sm">{t('footer.license')}</Text>
            </Group>
          </Container>
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
