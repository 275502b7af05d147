/**
 * The report form: type, title and body with counters, incident date, location (cascading regions, optional map
 * pin), category, suggested institutions, attachments, anonymous/confidential switches, and who the reporter is.
 * Field errors from the server's problem+json land next to their inputs.
 */
import {
  Alert,
  Button,
  Container,
  Divider,
  Group,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { REPORT_LIMITS } from '@pintu/core';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, api } from '../../api/client';
import { type FiledReport, type NewReport, type ReportType, rememberAccessCode } from '../../api/reports';
import { isFacilitator, useMe } from '../../api/session';
import { AttachmentsField, type Uploaded } from '../../components/attachments-field';
import type { LatLng } from '../../components/map-pin';
import { PageLoader } from '../../components/page-loader';
import { deepestRegion, EMPTY_REGION, type RegionPath, RegionPicker } from '../../components/region-picker';
import { ReporterFields } from '../../components/reporter-fields';
import { CategorySelect } from './category-select';
import { HoneypotField } from './honeypot-field';
import { InstitutionSuggest } from './institution-suggest';
import { ProgramOffer } from './program-offer';

const MapPin = lazy(() => import('../../components/map-pin'));

interface Values {
  type: ReportType;
  title: string;
  body: string;
  incidentDate: string;
  region: RegionPath;
  address: string;
  categoryId: string | null;
  institutionId: string;
  isAnonymous: boolean;
  isConfidential: boolean;
  name: string;
  email: string;
  phone: string;
  /** The honeypot (honeypot-field.tsx): empty unless a bot filled it. */
  website: string;
}

const today = () => new Date().toLocaleDateString('sv-SE');

// Server field paths → form fields.
const FIELD: Record<string, keyof Values> = {
  'location.regionCode': 'region',
  'location.address': 'address',
  'reporter.name': 'name',
  'reporter.email': 'email',
  'reporter.phone': 'phone',
};

export function Component() {
  const { t, i18n } = useTranslation('report-form');
  const navigate = useNavigate();
  const { data: me } = useMe();
  const [files, setFiles] = useState<Uploaded[]>([]);
  const [pin, setPin] = useState<LatLng | null>(null);
  const [showMap, setShowMap] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: {
      type: 'complaint',
      title: '',
      body: '',
      incidentDate: today(),
      region: EMPTY_REGION,
      address: '',
      categoryId: null,
      institutionId: '',
      isAnonymous: false,
      isConfidential: false,
      name: '',
      email: '',
      phone: '',
      website: '',
    },
    validate: {
      title: (v) =>
        v.trim().length < REPORT_LIMITS.titleMin
          ? t('errors.titleShort', { min: REPORT_LIMITS.titleMin })
          : null,
      body: (v) =>
        v.trim().length < REPORT_LIMITS.bodyMin
          ? t('errors.bodyShort', { min: REPORT_LIMITS.bodyMin })
          : null,
      incidentDate: (v) => (!v ? t('errors.required') : v > today() ? t('errors.future') : null),
      region: (v) => (!v.regency ? t('errors.region') : null),
      categoryId: (v) => (!v ? t('errors.required') : null),
      name: (v, all) => (!all.isAnonymous && !v.trim() ? t('errors.name') : null),
    },
  });
  const v = form.values;
  const facilitator = isFacilitator(me);
  // A signed-in citizen files in their own name: start from the account's name and e-mail.
  const citizen = me && !facilitator && me.grants.every((g) => g.role === 'citizen') ? me : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per account, not on every form change
  useEffect(() => {
    if (citizen && !form.values.name) form.setValues({ name: citizen.name, email: citizen.email });
  }, [citizen?.userId]);

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    if (files.some((f) => !f.id && !f.error)) return setFormError(t('errors.uploading'));
    const reporter = values.isAnonymous
      ? undefined
      : {
          name: values.name.trim(),
          ...(values.email.trim() ? { email: values.email.trim() } : {}),
          ...(values.phone.trim() ? { phone: values.phone.trim() } : {}),
        };
    try {
      const filed = await api.post<FiledReport>('/reports', {
        type: values.type,
        title: values.title.trim(),
        body: values.body.trim(),
        incidentDate: values.incidentDate,
        location: {
          regionCode: deepestRegion(values.region) ?? '', // never empty: the form requires a regency
          ...(values.address.trim() ? { address: values.address.trim() } : {}),
          ...(pin ?? {}),
        },
        categoryId: Number(values.categoryId),
        ...(values.institutionId ? { institutionId: Number(values.institutionId) } : {}),
        isAnonymous: values.isAnonymous,
        isConfidential: values.isConfidential,
        attachmentIds: files.flatMap((f) => (f.id ? [f.id] : [])),
        ...(reporter ? { reporter } : {}),
        ...(values.website ? { website: values.website } : {}),
        language: i18n.language === 'en' ? 'en' : 'id',
      } satisfies NewReport);
      rememberAccessCode(filed.trackingId, filed.accessCode);
      navigate('/report/sent', {
        state: { ...filed, title: values.title.trim(), onBehalf: facilitator },
      });
    } catch (e) {
      // The same report sent again, or too many from this contact or account (docs/abuse.md): said, not per field.
      if (e instanceof ApiError && e.problem.reason === 'duplicate_submission') {
        const trackingId = e.problem.errors?.[0]?.message ?? '';
        setFormError(t('errors.duplicate', { trackingId }));
      } else if (e instanceof ApiError && e.code === 'RATE_LIMITED') setFormError(t('errors.rateLimited'));
      else if (e instanceof ApiError && e.problem.errors?.length) {
        const errs: Record<string, string> = {};
        for (const [field, msg] of Object.entries(e.fieldErrors))
          errs[FIELD[field] ?? field.split('.')[0] ?? field] = msg;
        form.setErrors(errs);
        setFormError(e.message);
      } else setFormError(e instanceof ApiError ? e.message : t('errors.network'));
    }
  });

  return (
    <Container size="md" py="lg">
      <Title order={1} mb="xs">
        {t('title')}
      </Title>
      <Text mb="lg">{t('intro')}</Text>
      <form onSubmit={submit} noValidate aria-describedby={formError ? 'form-error' : undefined}>
        <Stack gap="lg">
          {facilitator && (
            <Alert
              color="blue"
              variant="light"
              c="blue.9"
              title={t('facilitator.label')}
              data-testid="facilitator-mode"
            >
              {t('facilitator.help')}
            </Alert>
          )}
          <Radio.Group label={t('type.label')} required {...form.getInputProps('type')}>
            <Group gap="lg" mt="xs">
              {(['complaint', 'aspiration', 'information_request'] as const).map((x) => (
                <Radio key={x} value={x} label={t(`type.${x}`)} />
              ))}
            </Group>
          </Radio.Group>
          <TextInput
            label={t('fields.title')}
            required
            maxLength={REPORT_LIMITS.titleMax}
            description={`${v.title.length}/${REPORT_LIMITS.titleMax}`}
            {...form.getInputProps('title')}
          />
          <Textarea
            label={t('fields.body')}
            required
            autosize
            minRows={5}
            maxLength={REPORT_LIMITS.bodyMax}
            description={`${t('fields.bodyHelp')} ${v.body.length}/${REPORT_LIMITS.bodyMax}`}
            {...form.getInputProps('body')}
          />
          <TextInput
            type="date"
            label={t('fields.incidentDate')}
            required
            max={today()}
            {...form.getInputProps('incidentDate')}
          />

          <Divider label={t('sections.location')} labelPosition="left" />
          <RegionPicker
            value={v.region}
            onChange={(r) => form.setFieldValue('region', r)}
            error={form.errors.region as string | undefined}
          />
          <TextInput
            label={t('fields.address')}
            description={t('fields.addressHelp')}
            maxLength={REPORT_LIMITS.addressMax}
            {...form.getInputProps('address')}
          />
          <ProgramOffer
            villageCode={v.region.village}
            draft={() => ({ ...v, regionCode: v.region.village })}
          />
          <Stack gap="xs">
            <Group>
              <Button variant="light" onClick={() => setShowMap((s) => !s)} aria-expanded={showMap}>
                {showMap ? t('map.hide') : t('map.show')}
              </Button>
              {pin && (
                <>
                  <Text size="sm">{t('map.pinned', { latitude: pin.lat, longitude: pin.lng })}</Text>
                  <Button variant="subtle" size="compact-sm" onClick={() => setPin(null)}>
                    {t('map.remove')}
                  </Button>
                </>
              )}
            </Group>
            {showMap && (
              <Suspense fallback={<PageLoader />}>
                <MapPin value={pin} onChange={setPin} label={t('map.label')} />
              </Suspense>
            )}
          </Stack>

          <Divider label={t('sections.topic')} labelPosition="left" />
          <CategorySelect
            value={v.categoryId}
            onChange={(c) => form.setFieldValue('categoryId', c)}
            error={form.errors.categoryId as string | undefined}
          />
          <InstitutionSuggest
            regionCode={deepestRegion(v.region)}
            categoryId={v.categoryId}
            value={v.institutionId}
            onChange={(x) => form.setFieldValue('institutionId', x)}
          />

          <Divider label={t('sections.attachments')} labelPosition="left" />
          <AttachmentsField value={files} onChange={setFiles} anonymous={v.isAnonymous} />

          <Divider label={t('sections.privacy')} labelPosition="left" />
          <ReporterFields form={form} facilitator={facilitator} />
          <HoneypotField value={v.website} onChange={(x) => form.setFieldValue('website', x)} />
          {formError && (
            <Alert color="red" id="form-error" role="alert" title={t('errors.title')}>
              {formError}
            </Alert>
          )}
          <Group>
            <Button type="submit" size="lg" loading={form.submitting} data-testid="submit-report">
              {t('submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Container>
  );
}
