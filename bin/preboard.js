#!/usr/bin/env node
// Runs the built CLI; `npm run build` first (npm start does it for you).
import('../dist/server/cli/main.js');
