import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// React 18 lives in this app's own node_modules (the workspace's other apps use React 19): every
// import of react, the package's React components' included, resolves to this copy.
export default defineConfig({ plugins: [react()], resolve: { dedupe: ['react', 'react-dom'] } });
