/**
 * The staff workspace's own navigation: inbox, notifications (with the unread count), dashboard, programs, administration,
 * the integration pages for an institution's developer or coordinator, and federation and the moderation queue
 * (docs/abuse.md) for the national admin.
 */
import { Anchor, Badge, Group } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useMe } from '../../api/session';
import { staffApi } from './api';

export function StaffNav() {
  const { t } = useTranslation('staff');
  const { data: me } = useMe();
  const notes = useQuery({
    queryKey: ['notifications'],
    queryFn: staffApi.notifications,
    refetchInterval: 60_000,
  });
  const roles = new Set(me?.grants.map((g) => g.role));
  const national = roles.has('national_admin');
  const admin = national || roles.has('coordinator');
  const integration = admin || roles.has('developer');
  return (
    <Group component="nav" aria-label={t('nav.label')} gap="md" mb="md" wrap="wrap">
      <Anchor component={NavLink} to="/staff" end fw={600}>
        {t('nav.inbox')}
      </Anchor>
      <Anchor component={NavLink} to="/staff/notifications" fw={600} data-testid="notifications-link">
        {t('nav.notifications')}{' '}
        {!!notes.data?.unread && (
          <Badge size="sm" color="#b91c1c" aria-label={t('nav.unread', { count: notes.data.unread })}>
            {notes.data.unread}
          </Badge>
        )}
      </Anchor>
      <Anchor component={NavLink} to="/dashboard" fw={600}>
        {t('nav.dashboard')}
      </Anchor>
      <Anchor component={NavLink} to="/programs" fw={600}>
        {t('nav.programs')}
      </Anchor>
      {admin && (
        <Anchor component={NavLink} to="/admin" fw={600}>
          {t('nav.admin')}
        </Anchor>
      )}
      {integration && (
        <Anchor component={NavLink} to="/staff/integration" fw={600}>
          {t('nav.integration')}
        </Anchor>
      )}
      {national && (
        <Anchor component={NavLink} to="/admin/federation" fw={600}>
          {t('nav.federation')}
        </Anchor>
      )}
      {national && (
        <Anchor component={NavLink} to="/admin/moderation" fw={600} data-testid="moderation-link">
          {t('nav.moderation')}
        </Anchor>
      )}
    </Group>
  );
}
