/**
 * A program's own intake page and shareable link (/program/:code): the program and how it handles a grievance, its
 * categories and extra fields, a village inside its area, the reporter's gender if they wish, attachments, the
 * anonymous and confidential switches and who the reporter is. It files through the normal POST /reports with the
 * program's part, and ends on the report form's "sent" page. What the report form passes on (a draft) is kept.
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
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { REPORT_LIMITS } from '@pintu/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { type Gender, localized, type Program, type ProgramDraft, programsApi } from '../../api/programs';
import { rememberAccessCode } from '../../api/reports';
import { isFacilitator, useMe } from '../../api/session';
import { AttachmentsField, type Uploaded } from '../../components/attachments-field';
import type { LatLng } from '../../components/map-pin';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { EMPTY_REGION, type RegionPath, RegionPicker, regionPathOf } from '../../components/region-picker';
import { ReporterFields } from '../../components/reporter-fields';
import { ExtraFields, type FieldValues, fieldPayload } from './extra-fields';
import { PinField } from './pin-field';
import { ProgramHeader } from './program-header';

interface Values {
  title: string;
  body: string;
  incidentDate: string;
  region: RegionPath;
  address: string;
  categoryCode: string;
  fields: FieldValues;
  gender: '' | Gender;
  isAnonymous: boolean;
  isConfidential: boolean;
  name: string;
  email: string;
  phone: string;
}

const today = () => new Date().toLocaleDateString('sv-SE');

/** The province chosen already when the whole area lies in one (a villager then starts at the regency). */
function startRegion(area: readonly string[]): RegionPath {
  const provinces = new Set(area.map((c) => c.split('.')[0] ?? ''));
  const [only] = provinces;
  return provinces.size === 1 && only ? { ...EMPTY_REGION, province: only } : EMPTY_REGION;
}

// Server field paths → form fields.
function formField(path: string): string {
  if (path === 'location.regionCode' || path === 'regionCode') return 'region';
  if (path === 'location.address') return 'address';
  if (path === 'program.categoryCode' || path === 'categoryId') return 'categoryCode';
  if (path === 'reporterGender') return 'gender';
  if (path.startsWith('program.fields.')) return `fields.${path.slice('program.fields.'.length)}`;
  if (path.startsWith('reporter.')) return path.slice('reporter.'.length);
  return path.split('.')[0] ?? path;
}

function IntakeForm({ program }: { program: Program }) {
  const { t, i18n } = useTranslation(['programs', 'report-form']);
  const navigate = useNavigate();
  const draft = (useLocation().state as ProgramDraft | null) ?? {};
  const { data: me } = useMe();
  const facilitator = isFacilitator(me);
  const [files, setFiles] = useState<Uploaded[]>([]);
  const [pin, setPin] = useState<LatLng | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: {
      title: draft.title ?? '',
      body: draft.body ?? '',
      incidentDate: draft.incidentDate ?? today(),
      region: draft.regionCode ? regionPathOf(draft.regionCode) : startRegion(program.areaRegionCodes),
      address: draft.address ?? '',
      categoryCode: program.categories.length === 1 ? (program.categories[0]?.code ?? '') : '',
      fields: {},
      gender: '',
      isAnonymous: draft.isAnonymous ?? false,
      isConfidential: draft.isConfidential ?? false,
      name: draft.name ?? '',
      email: draft.email ?? '',
      phone: draft.phone ?? '',
    },
    validate: {
      title: (v) =>
        v.trim().length < REPORT_LIMITS.titleMin
          ? t('report-form:errors.titleShort', { min: REPORT_LIMITS.titleMin })
          : null,
      body: (v) =>
        v.trim().length < REPORT_LIMITS.bodyMin
          ? t('report-form:errors.bodyShort', { min: REPORT_LIMITS.bodyMin })
          : null,
      incidentDate: (v) =>
        !v ? t('report-form:errors.required') : v > today() ? t('report-form:errors.future') : null,
      region: (v) => (!v.village ? t('intake.errors.village') : null),
      categoryCode: (v) => (!v ? t('report-form:errors.required') : null),
      name: (v, all) => (!all.isAnonymous && !v.trim() ? t('report-form:errors.name') : null),
    },
  });
  const v = form.values;
  const citizen = me && !facilitator && me.grants.every((g) => g.role === 'citizen') ? me : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per account, not on every form change
  useEffect(() => {
    if (citizen && !form.values.name) form.setValues({ name: citizen.name, email: citizen.email });
  }, [citizen?.userId]);

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    const missing = program.fields.filter((f) => f.required && !values.fields[f.key]?.trim());
    if (missing.length) {
      form.setErrors(
        Object.fromEntries(missing.map((f) => [`fields.${f.key}`, t('report-form:errors.required')])),
      );
      return;
    }
    if (files.some((f) => !f.id && !f.error)) return setFormError(t('report-form:errors.uploading'));
    const category = program.categories.find((c) => c.code === values.categoryCode);
    const reporter = values.isAnonymous
      ? undefined
      : {
          name: values.name.trim(),
          ...(values.email.trim() ? { email: values.email.trim() } : {}),
          ...(values.phone.trim() ? { phone: values.phone.trim() } : {}),
        };
    try {
      const filed = await programsApi.file({
        type: 'complaint',
        title: values.title.trim(),
        body: values.body.trim(),
        incidentDate: values.incidentDate,
        location: {
          regionCode: values.region.village ?? '',
          ...(values.address.trim() ? { address: values.address.trim() } : {}),
          ...(pin ?? {}),
        },
        categoryId: category?.categoryId ?? 0,
        isAnonymous: values.isAnonymous,
        isConfidential: values.isConfidential,
        attachmentIds: files.flatMap((f) => (f.id ? [f.id] : [])),
        ...(reporter ? { reporter } : {}),
        language: i18n.language === 'en' ? 'en' : 'id',
        program: {
          code: program.code,
          categoryCode: values.categoryCode,
          fields: fieldPayload(program.fields, values.fields),
        },
        ...(values.gender ? { reporterGender: values.gender } : {}),
      });
      rememberAccessCode(filed.trackingId, filed.accessCode);
      navigate('/report/sent', { state: { ...filed, title: values.title.trim(), onBehalf: facilitator } });
    } catch (e) {
      if (e instanceof ApiError && e.problem.errors?.length) {
        const errs: Record<string, string> = {};
        for (const [field, msg] of Object.entries(e.fieldErrors)) errs[formField(field)] = msg;
        form.setErrors(errs);
        setFormError(e.message);
      } else setFormError(e instanceof ApiError ? e.message : t('report-form:errors.network'));
    }
  });

  const fieldErrors = Object.fromEntries(
    program.fields.map((f) => [f.key, form.errors[`fields.${f.key}`] as string | undefined]),
  );
  return (
    <form onSubmit={submit} noValidate aria-describedby={formError ? 'form-error' : undefined}>
      <Stack gap="lg">
        {facilitator && (
          <Alert color="blue" variant="light" c="blue.9" title={t('report-form:facilitator.label')}>
            {t('report-form:facilitator.help')}
          </Alert>
        )}
        <Radio.Group
          label={t('intake.category')}
          description={t('intake.categoryHelp')}
          required
          {...form.getInputProps('categoryCode')}
          data-testid="program-category"
        >
          <Stack gap="xs" mt="xs">
            {program.categories.map((c) => (
              <Radio key={c.code} value={c.code} label={localized(i18n.language, c.name, c.nameEn)} />
            ))}
          </Stack>
        </Radio.Group>
        <TextInput
          label={t('report-form:fields.title')}
          required
          maxLength={REPORT_LIMITS.titleMax}
          description={`${v.title.length}/${REPORT_LIMITS.titleMax}`}
          {...form.getInputProps('title')}
        />
        <Textarea
          label={t('report-form:fields.body')}
          required
          autosize
          minRows={5}
          maxLength={REPORT_LIMITS.bodyMax}
          description={`${t('report-form:fields.bodyHelp')} ${v.body.length}/${REPORT_LIMITS.bodyMax}`}
          {...form.getInputProps('body')}
        />
        <TextInput
          type="date"
          label={t('report-form:fields.incidentDate')}
          required
          max={today()}
          {...form.getInputProps('incidentDate')}
        />

        <Divider label={t('intake.where')} labelPosition="left" />
        <Text size="sm">{t('intake.areaHelp')}</Text>
        <RegionPicker
          value={v.region}
          onChange={(r) => form.setFieldValue('region', r)}
          error={form.errors.region as string | undefined}
          within={program.areaRegionCodes}
          villageRequired
        />
        <TextInput
          label={t('report-form:fields.address')}
          description={t('report-form:fields.addressHelp')}
          maxLength={REPORT_LIMITS.addressMax}
          {...form.getInputProps('address')}
        />
        <PinField value={pin} onChange={setPin} />

        {program.fields.length > 0 && <Divider label={t('intake.more')} labelPosition="left" />}
        <ExtraFields
          fields={program.fields}
          value={v.fields}
          onChange={(key, x) => {
            form.setFieldValue(`fields.${key}`, x);
            form.clearFieldError(`fields.${key}`);
          }}
          errors={fieldErrors}
        />

        <Divider label={t('report-form:sections.attachments')} labelPosition="left" />
        <AttachmentsField value={files} onChange={setFiles} anonymous={v.isAnonymous} />

        <Divider label={t('report-form:sections.privacy')} labelPosition="left" />
        <Radio.Group
          label={t('intake.gender')}
          description={t('intake.genderHelp')}
          {...form.getInputProps('gender')}
          data-testid="gender"
        >
          <Group gap="lg" mt="xs">
            <Radio value="female" label={t('gender.female')} />
            <Radio value="male" label={t('gender.male')} />
            <Radio value="" label={t('gender.none')} />
          </Group>
        </Radio.Group>
        <ReporterFields form={form} facilitator={facilitator} />
        {formError && (
          <Alert color="red" id="form-error" role="alert" title={t('report-form:errors.title')}>
            {formError}
          </Alert>
        )}
        <Group>
          <Button type="submit" size="lg" loading={form.submitting} data-testid="submit-report">
            {t('intake.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function Component() {
  const { code = '' } = useParams();
  const program = useQuery({ queryKey: ['program', code], queryFn: () => programsApi.get(code) });
  // The report form's strings are reused here: load them with the page rather than on first render.
  useTranslation(['programs', 'report-form']);
  return (
    <Container size="md" py="lg">
      {program.isPending ? (
        <PageLoader />
      ) : program.isError ? (
        <QueryError error={program.error} onRetry={() => void program.refetch()} />
      ) : (
        <Stack gap="lg">
          <ProgramHeader program={program.data} />
          <IntakeForm program={program.data} />
        </Stack>
      )}
    </Container>
  );
}
