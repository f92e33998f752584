import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { pwaOptions } from './pwa.config.ts';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Compresses the build once (issue 14): `.br` (quality 11) and `.gz` (level 9) next to every script, style
 * sheet and index.html, which the server sends to the browsers that accept them (server http/compress.ts),
 * so no request pays for compressing them and brotli can use its slowest, smallest setting. Also the
 * service worker, its Workbox runtime and the web manifest (issue 18), written by vite-plugin-pwa's own
 * closeBundle, which runs first (both are sequential, the worker's plugin is listed before this one).
 */
function precompress(): Plugin {
  let outDir = 'dist';
  const compress = async (file: string) => {
    const bytes = await readFile(file);
    const [br, gz] = await Promise.all([
      brotli(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      }),
      gzipAsync(bytes, { level: 9 }),
    ]);
    await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
  };
  return {
    name: 'nennep-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      sequential: true,
      order: 'post',
      async handler() {
        const assets = (await readdir(path.join(outDir, 'assets')))
          .filter((name) => /\.(js|css|svg)$/.test(name))
          .map((name) => path.join(outDir, 'assets', name));
        const worker = (await readdir(outDir))
          .filter((name) => /^(sw\.js|workbox-[\w-]+\.js|manifest\.webmanifest)$/.test(name))
          .map((name) => path.join(outDir, name));
        await Promise.all([path.join(outDir, 'index.html'), ...worker, ...assets].map(compress));
      },
    },
  };
}

/** Vendor groups: each lands in its own chunk so that no chunk grows past ~500 kB minified. */
const vendorGroups = [
  {
    name: 'vendor-react',
    test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
    priority: 30,
  },
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
    // The first route after signing in: the icons of the side menu (app/shell.tsx) and of the home page,
    // and antd's Alert, in one chunk instead of one per icon. Nothing the sign-in page uses (UserOutlined,
    // LockOutlined, EyeOutlined …), or it would download the whole chunk.
    name: 'app-first',
    test: /node_modules[\\/](@ant-design[\\/]icons(-svg)?[\\/]es[\\/](icons|asn)[\\/](Apartment|Audit|Calendar|CarryOut|ClockCircle|CloudUpload|Control|Dashboard|FileText|Fund|Home|Key|Logout|Menu|Message|Right|Send|Team|Trophy|UserSwitch)Outlined\.js$|antd[\\/]es[\\/]alert[\\/])/,
    priority: 14,
  },
  {
    // The antd runtime the first page (sign-in) needs: theme, CSS-in-JS, locale, shared utilities, the
    // few components of every page and the status icons of its form. The App with its messages and
    // modals, Result, Layout and Menu come with the shell and the pages that use them (issue 14: the
    // sign-in page's JavaScript).
    name: 'vendor-antd-core',
    test: /node_modules[\\/](@ant-design[\\/](cssinjs|cssinjs-utils|colors|fast-color|icons[\\/]es[\\/](components|utils))[\\/]|@ant-design[\\/]icons(-svg)?[\\/]es[\\/](icons|asn)[\\/](CheckCircleFilled|CloseCircleFilled|ExclamationCircleFilled|LoadingOutlined)\.js$|@rc-component[\\/](util|motion|resize-observer|portal)[\\/]|antd[\\/]es[\\/](_util|config-provider|theme|style|locale|button|spin|space|grid|row|col)[\\/])/,
    priority: 15,
  },
];

export default defineConfig({
  plugins: [react(), VitePWA(pwaOptions), precompress()],
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
