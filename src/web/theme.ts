import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/**
 * A sober government blue. Shade 7 is the primary shade so that white text on filled buttons and
 * primary-coloured text on white both pass WCAG AA (contrast above 7:1).
 */
const govBlue: MantineColorsTuple = [
  '#e8f1fb',
  '#d0e1f5',
  '#a3c3ea',
  '#72a3de',
  '#4a87d4',
  '#2f74cc',
  '#1f63b8',
  '#17539c',
  '#104381',
  '#0a3466',
];

export const theme = createTheme({
  primaryColor: 'govBlue',
  primaryShade: 7,
  colors: { govBlue },
  fontFamily:
    '"Noto Sans TC", "PingFang TC", "Microsoft JhengHei", "Heiti TC", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  headings: { fontWeight: '700' },
  defaultRadius: 'sm',
  focusRing: 'auto',
  cursorType: 'pointer',
  // Dialogs, menus and drop-downs appear without their fades and slides for a person whose
  // system asks for reduced motion (WCAG 2.3.3), as for the browser tests.
  respectReducedMotion: true,
});

/**
 * Mantine's dimmed, error and placeholder greys and the text of its light variants (alerts, light
 * buttons) are too light for WCAG AA on white or tinted backgrounds; darken them.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#4a5159',
    '--mantine-color-error': '#b42318',
    '--mantine-color-placeholder': '#6a7178',
    '--mantine-color-anchor': '#17539c',
    '--mantine-color-red-light-color': '#9b1c13',
    '--mantine-color-yellow-light-color': '#5c3c00',
    '--mantine-color-green-light-color': '#17502a',
    '--mantine-color-govBlue-light-color': '#0a3466',
  },
  dark: {},
});
