// Where Chromium is, and the flags it needs here: headless, no sandbox as root, and no
// background networking (on a machine without internet it would flood refused connections).
export const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';

export const chromeArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
