/**
 * Program administration (/admin/programs/*) for the national admin and provincial admins: the programs, and one
 * program's whole configuration to create or change. The server decides who may change which program.
 */
import { Alert, Anchor, Badge, Button, Container, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useLocation, useParams } from 'react-router';
import { localized, programsApi } from '../../api/programs';
import { useMe } from '../../api/session';
import { NotFound } from '../../app/error-page';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { ProgramForm } from './program-form';

function ProgramList() {
  const { t, i18n } = useTranslation('programs');
  const list = useQuery({ queryKey: ['admin-programs'], queryFn: programsApi.adminList });
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{t('admin.title')}</Title>
        <Button component={Link} to="/admin/programs/new" data-testid="new-program">
          {t('admin.new')}
        </Button>
      </Group>
      <Text>{t('admin.intro')}</Text>
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Text>{t('list.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table striped data-testid="admin-programs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.name')}</Table.Th>
                <Table.Th>{t('admin.code')}</Table.Th>
                <Table.Th>{t('admin.area')}</Table.Th>
                <Table.Th>{t('admin.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((p) => (
                <Table.Tr key={p.code}>
                  <Table.Td>
                    <Anchor component={Link} to={`/admin/programs/${p.code}`}>
                      {localized(i18n.language, p.name, p.nameEn)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{p.code}</Table.Td>
                  <Table.Td>{t('admin.areaCount', { count: p.areaRegionCodes.length })}</Table.Td>
                  <Table.Td>
                    <Badge color={p.active ? '#166534' : 'gray.8'}>
                      {p.active ? t('admin.active') : t('admin.inactive')}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

function EditProgram() {
  const { code = '' } = useParams();
  const list = useQuery({ queryKey: ['admin-programs'], queryFn: programsApi.adminList });
  if (list.isPending) return <PageLoader />;
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  const program = list.data.items.find((p) => p.code === code);
  if (!program) return <NotFound />;
  return <ProgramForm key={code} initial={program} />;
}

export function Component() {
  const { t } = useTranslation('programs');
  const me = useMe();
  const { pathname } = useLocation();
  if (me.isPending) return <PageLoader />;
  if (!me.data) return <Navigate to={`/staff/login?next=${encodeURIComponent(pathname)}`} replace />;
  const roles = new Set(me.data.grants.map((g) => g.role));
  if (!roles.has('national_admin') && !roles.has('coordinator'))
    return (
      <Container py="xl">
        <Alert color="red" role="alert">
          {t('admin.notAllowed')}
        </Alert>
      </Container>
    );
  return (
    <Container size="lg" py="md">
      <Anchor component={Link} to="/admin" size="sm">
        ← {t('admin.back')}
      </Anchor>
      <Routes>
        <Route index element={<ProgramList />} />
        <Route path="new" element={<ProgramForm />} />
        <Route path=":code" element={<EditProgram />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Container>
  );
}
