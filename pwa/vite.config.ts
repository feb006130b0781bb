import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';
import { VitePWA } from 'vite-plugin-pwa';

/** Brand colour of Parc itself; a dealer's colour replaces it at run time through CSS variables. */
const themeColour = '#1d4f7c';

export default defineConfig({
  plugins: [
    solid(),
    VitePWA({
      // A new version waits until the person accepts the update prompt: a technician mid-entry keeps their page.
      registerType: 'prompt',
      includeAssets: ['icons/*.png'],
      manifest: {
        name: 'Parc',
        short_name: 'Parc',
        description: 'Parc : compteurs, parc et interventions pour les revendeurs de copieurs',
        lang: 'fr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: themeColour,
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,png,svg,webmanifest}'],
        navigateFallback: '/index.html',
        // The API is never answered from the cache: offline data goes through IndexedDB, not the service worker.
        // Nor are the agent downloads: a click on their link must fetch the file, not the app's page.
        navigateFallbackDenylist: [/^\/api\//, /^\/downloads\//],
        // The first visit's page comes under the worker at once, so it already works offline on reload.
        clientsClaim: true,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  server: {
    // PARC_API: another backend than the default port's (several checkouts or helpers on one machine).
    proxy: { '/api': process.env.PARC_API ?? 'http://localhost:3000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      output: {
        // Everything the entry needs before its first screen goes in one chunk: many small chunks would
        // queue behind the browser's six connections per host on HTTP/1.1 (measured: bench/console.bench.ts).
        // The language loader alone is its own chunk: index.html runs it first as a script of its own, so the
        // reader's language is fetched while the entry still downloads (src/i18n/boot-language.ts).
        codeSplitting: {
          groups: [
            { name: 'language', test: /\/src\/i18n\/(boot-language|texts|translate|pseudo)\.ts$|\/shared\/src\/languages\.ts$|preload-helper/, priority: 2 },
            { name: 'boot', tags: ['$initial'], priority: 1 },
          ],
        },
      },
    },
  },
});
