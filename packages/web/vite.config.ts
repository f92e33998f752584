import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Vendor groups: each lands in its own chunk so that no chunk grows past ~500 kB minified. */
const vendorGroups = [
  {
    name: 'vendor-react',
    test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
    priority: 30,
  },
  { name: 'vendor-icons', test: /node_modules[\\/]@ant-design[\\/]icons/, priority: 25 },
  {
    name: 'vendor-query',
    test: /node_modules[\\/](@tanstack|i18next|react-i18next|dayjs)[\\/]/,
    priority: 20,
  },
  // ECharts, only for the supervision dashboard (loaded with its tab), in two chunks so that neither
  // outgrows the others: the zrender canvas engine, and the charts.
  { name: 'vendor-zrender', test: /node_modules[\\/](zrender|tslib)[\\/]/, priority: 12 },
  { name: 'vendor-echarts', test: /node_modules[\\/]echarts[\\/]/, priority: 11 },
  {
    // The antd runtime every page needs (theme, CSS-in-JS, locale, shared utilities); components stay
    // with the pages that use them.
    name: 'vendor-antd-core',
    test: /node_modules[\\/](@ant-design[\\/](cssinjs|cssinjs-utils|colors|fast-color)|@rc-component[\\/](util|motion|resize-observer|portal)|antd[\\/]es[\\/](_util|config-provider|theme|style|locale|app|message|notification|modal|button|spin|result|space|grid|layout|menu|drawer|dropdown))[\\/]/,
    priority: 15,
  },
];

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 500,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: vendorGroups },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
