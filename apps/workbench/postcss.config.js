// Mantine's CSS helpers (rem(), light-dark(), breakpoint mixins) for the workbench's own CSS modules.
export default {
  plugins: {
    'postcss-preset-mantine': {},
  },
};
