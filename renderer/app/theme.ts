import { createTheme, type MantineThemeOverride } from '@mantine/core';

// Dense, calm office software: small controls, system fonts with full Vietnamese coverage (Segoe UI on
// Windows, Noto/DejaVu on Linux), one accent colour.
export const theme: MantineThemeOverride = createTheme({
  primaryColor: 'indigo',
  fontFamily:
    "'Segoe UI', 'Noto Sans', Roboto, 'Helvetica Neue', Arial, 'DejaVu Sans', 'Liberation Sans', sans-serif",
  fontFamilyMonospace: "'Cascadia Mono', Consolas, 'DejaVu Sans Mono', 'Liberation Mono', monospace",
  headings: { fontWeight: '600' },
  defaultRadius: 'sm',
  fontSizes: { xs: '0.75rem', sm: '0.8125rem', md: '0.875rem', lg: '1rem', xl: '1.125rem' },
  components: {
    TextInput: { defaultProps: { size: 'sm' } },
    Textarea: { defaultProps: { size: 'sm' } },
    Select: { defaultProps: { size: 'sm' } },
    NumberInput: { defaultProps: { size: 'sm' } },
    Button: { defaultProps: { size: 'sm' } },
    SegmentedControl: { defaultProps: { size: 'sm' } },
    Checkbox: { defaultProps: { size: 'sm' } },
    // Vietnamese reads badly in small capitals: keep the case as written.
    Badge: { defaultProps: { radius: 'sm', variant: 'light' }, styles: { root: { textTransform: 'none' } } },
    Notification: { defaultProps: { withBorder: true } },
    Fieldset: { styles: { legend: { fontWeight: 600, fontSize: 'var(--mantine-font-size-sm)' } } },
  },
});
