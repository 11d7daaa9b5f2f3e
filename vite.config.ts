/**
 * Web build: the React app in src/web, built into dist/web (served by the Fastify process in production).
 * `npm run dev:web` serves it with hot reload and forwards /api to a server on port 3000 (or VINHDANH_API_URL).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const projectRoot = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: path.join(projectRoot, 'src/web'),
  plugins: [react()],
  // Build output must not depend on where the command is run from.
  publicDir: false,
  build: {
    outDir: path.join(projectRoot, 'dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // antd is large; split it (and React) from the app code so that app changes do not bust their cache.
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 4 },
            { name: 'antd', test: /node_modules[\\/]antd[\\/]/, priority: 2 },
            {
              name: 'antd-base',
              test: /node_modules[\\/](@ant-design|@rc-component|rc-[\w-]+|dayjs)[\\/]/,
              priority: 3,
            },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    strictPort: false,
    // VINHDANH_API_URL points the dev server at a VinhDanh server on another port.
    proxy: {
      '/api': { target: process.env.VINHDANH_API_URL ?? 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
