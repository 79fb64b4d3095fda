#!/usr/bin/env node
// Serves the built site (dist/site) in-process with Vite's preview server (`npm start`).
import { preview } from 'vite';

const port = Number(process.env.PORT ?? 4173);
const server = await preview({
  preview: { port, host: process.env.HOST ?? 'localhost', strictPort: false, open: false },
  build: { outDir: 'dist/site' },
  configFile: false,
  root: process.cwd(),
});
server.printUrls();
