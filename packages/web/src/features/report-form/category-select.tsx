/** The category tree as a grouped, searchable select: each topic is a group of its subtopics. */
import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Category } from '../../api/reports';

export function CategorySelect(props: {
  value: string | null;
  onChange: (v: string | null) => void;
  error?: string;
}) {
  const { t, i18n } = useTranslation('report-form');
  const q = useQuery({
    queryKey: ['categories'],
    queryFn: () => api.get<{ items: Category[] }>('/categories'),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const name = (c: Category) => (i18n.language === 'en' && c.nameEn) || c.name;
  const data = (q.data?.items ?? []).map((topic) => ({
    group: name(topic),
    items: [topic, ...topic.children].map((c) => ({
      value: String(c.id),
      label: c === topic ? `${name(c)} — ${t('category.general')}` : name(c),
    })),
  }));
  return (
    <Select
      label={t('category.label')}
      description={t('category.help')}
      placeholder={t('category.placeholder')}
      data={data}
      searchable
      required
      value={props.value}
      onChange={props.onChange}
      error={props.error}
      nothingFoundMessage={t('region.none')}
      data-testid="category"
    />
  );
}
