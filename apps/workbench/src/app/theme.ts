import { createTheme, Modal, Notification, Pagination, type CSSVariablesResolver } from '@mantine/core';

/** Mantine's defaults, with a focus ring on every keyboard-focused control. */
export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 6 under white button text is 4.3:1, short of WCAG AA's 4.5:1; shade 7 is 5:1.
  primaryShade: { light: 7, dark: 8 },
  focusRing: 'auto',
  defaultRadius: 'md',
  components: {
    // A modal's close button is an icon too.
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close dialog' } } }),
    Pagination: Pagination.extend({
      // The previous/next arrows are icons, and a page number alone says little to a screen reader: name them all.
      defaultProps: {
        getControlProps: (control) => ({ 'aria-label': `${control[0]?.toUpperCase() ?? ''}${control.slice(1)} page` }),
        getItemProps: (page) => ({ 'aria-label': `Page ${page}` }),
      },
    }),
    Notification: Notification.extend({
      // The close button is an icon: it needs a name. A titled notification's text is gray 6, too light on white.
      defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss notification' } },
      styles: { description: { color: 'var(--mantine-color-dimmed)' } },
    }),
  },
});

/**
 * Dimmed text and field errors darker than Mantine's defaults, which fail WCAG AA contrast on white (gray 6: 3.3:1,
 * red 6: 3.3:1; gray 7 and red 9 pass). The light variant's hover (an active navbar link or a light button under the
 * pointer) is the primary color's shade 1, under which its text keeps 4.5:1 (Mantine's default gives 4.1:1). Links are
 * shade 8: shade 7 gives 4.47:1 on a table row under the pointer (gray 1).
 */
export const cssVariablesResolver: CSSVariablesResolver = (resolved) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': resolved.colors.gray[7],
    '--mantine-color-error': resolved.colors.red[9],
    '--mantine-primary-color-light-hover': resolved.colors[resolved.primaryColor][1],
    // A light button whose color is resolved by name (Button's light variant) reads this one: shade 2 gives 4.1:1.
    [`--mantine-color-${resolved.primaryColor}-light-hover`]: resolved.colors[resolved.primaryColor][1],
    '--mantine-color-anchor': resolved.colors[resolved.primaryColor][8],
  },
  dark: {},
});
