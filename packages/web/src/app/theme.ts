/** Mantine theme: a deep red brand with text/background contrast ≥ 4.5:1 (WCAG AA) on every filled shade used. */
import { createTheme, type MantineColorsTuple } from '@mantine/core';

// Shade 7 (#b91c1c) and above carry white text at ≥ 6:1; lighter shades are backgrounds only.
const pintu: MantineColorsTuple = [
  '#fef2f2',
  '#fee2e2',
  '#fecaca',
  '#fca5a5',
  '#f87171',
  '#ef4444',
  '#dc2626',
  '#b91c1c',
  '#991b1b',
  '#7f1d1d',
];

export const theme = createTheme({
  primaryColor: 'pintu',
  primaryShade: 7,
  colors: { pintu },
  fontFamily: '"Noto Sans", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  headings: { fontFamily: '"Noto Sans", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' },
  defaultRadius: 'md',
  focusRing: 'always',
  // Dimmed text darker than Mantine's default gray so it keeps 4.5:1 on white.
  other: {},
  components: {
    Anchor: { defaultProps: { c: 'blue.9' } },
    // Light alerts: dark text on the tinted background (the tint's own shade is too pale for text).
    Alert: {
      styles: (_theme: unknown, props: { variant?: string }) =>
        props.variant === 'filled' ? {} : { title: { color: '#1f2937' }, message: { color: '#1f2937' } },
    },
  },
});
