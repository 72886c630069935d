import { AppShell, Burger, Button, Group, NavLink, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLogout } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { NavLink as RouterNavLink, Outlet, useLocation, useMatch } from 'react-router';
import { useCurrentMember } from '../api/members';
import { useSignOutMutation, useSwitchboard } from '../api/session';
import { NAVIGATION, type NavigationItem } from './navigation';

/** The signed-in frame: header with the workspace, navbar (a drawer below 768 px), and the page. */
export function ShellLayout() {
  const [navbarOpened, navbar] = useDisclosure(false);
  const { pathname } = useLocation();
  const session = useSwitchboard().session;
  const signOut = useSignOutMutation();
  // Until the members list gives the signed-in member's role, the entries that need one stay hidden rather than lead to a refusal.
  const { covers } = useCurrentMember();
  // On a phone the navbar covers the page, so it closes once a link is followed.
  useEffect(navbar.close, [pathname, navbar.close]);

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navbarOpened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={navbarOpened} onClick={navbar.toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Title order={2} size="h4">
              Switchboard
            </Title>
          </Group>
          {session === undefined ? null : (
            <Text size="sm" c="dimmed" truncate>
              Workspace <strong>{session.workspace_id}</strong>
            </Text>
          )}
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main">
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap={2}>
            {NAVIGATION.filter((item) => item.needs === undefined || covers(item.needs)).map((item) => (
              <NavigationEntry key={item.to} item={item} />
            ))}
          </Stack>
        </AppShell.Section>
        <AppShell.Section>
          <Button
            fullWidth
            variant="subtle"
            color="gray"
            justify="flex-start"
            leftSection={<IconLogout size={18} aria-hidden />}
            loading={signOut.isPending}
            onClick={() => signOut.mutate()}
          >
            Sign out
          </Button>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}

function NavigationEntry({ item }: { item: NavigationItem }) {
  const Icon = item.icon;
  const { covers } = useCurrentMember();
  const active = useMatch({ path: item.to, end: item.to === '/' }) !== null;
  const [opened, setOpened] = useState(active);
  if (item.children === undefined) {
    return <NavLink component={RouterNavLink} to={item.to} end={item.to === '/'} label={item.label} active={active} leftSection={<Icon size={18} aria-hidden />} />;
  }
  // A group heading opens and closes its entries: a button (Mantine renders an <a> without href, which no key reaches).
  return (
    <NavLink
      component="button"
      type="button"
      aria-expanded={opened}
      opened={opened}
      onChange={setOpened}
      label={item.label}
      leftSection={<Icon size={18} aria-hidden />}
      childrenOffset={28}
    >
      {item.children
        .filter((child) => child.needs === undefined || covers(child.needs))
        .map((child) => (
        <NavLink key={child.to} component={RouterNavLink} to={child.to} label={child.label} />
      ))}
    </NavLink>
  );
}
