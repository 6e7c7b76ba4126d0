import type { ReactNode } from 'react';

export const metadata = { title: 'outbound-elements with Next.js' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        {/* Where the Descope project is (the local emulator by default); the tests serve their own. */}
        <script src="/descope-config.js" />
      </head>
      <body>{children}</body>
    </html>
  );
}
