import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { themeBootScript } from '@/components/theme/theme-script';
import { linkBootScript } from '@/components/share/link-boot-script';
import { languageBootScript } from '@/lib/i18n/boot-script';
import { SiteFooter } from '@/components/shell/SiteFooter';
import './globals.css';

export const metadata: Metadata = {
  title: 'JWT Workbench: decode, verify and sign JSON Web Tokens in your browser',
  description:
    'A JWT debugger that runs entirely in your browser: decode, verify with a secret, PEM, JWK or JWKS, and sign tokens. Nothing you paste leaves the page.',
  referrer: 'no-referrer',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#18181b' },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The boot scripts set the theme class, the visit's language and the link mark before paint; React must accept them.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeBootScript }} />
        <script dangerouslySetInnerHTML={{ __html: languageBootScript }} />
        <script dangerouslySetInnerHTML={{ __html: linkBootScript }} />
      </head>
      <body className="flex min-h-screen flex-col bg-white text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <div className="flex-1">{children}</div>
        <SiteFooter />
      </body>
    </html>
  );
}
