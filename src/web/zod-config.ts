import { z } from 'zod';

// The server's Content-Security-Policy forbids eval. Zod probes for it when schemas are first built,
// and the browser reports the refused probe, so turn the probe off before any schema module loads.
// main.tsx imports this module first for that reason.
z.config({ jitless: true });
