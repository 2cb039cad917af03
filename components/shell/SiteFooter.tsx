import Link from 'next/link';

export function SiteFooter() {
  return (
    <footer className="border-t border-zinc-200 px-4 py-4 text-sm text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
      <p className="mx-auto max-w-7xl">
        <strong className="font-semibold text-zinc-800 dark:text-zinc-200">Tokens never leave your browser.</strong>{' '}
        Decoding, verification and signing run on this page with your browser&apos;s own WebCrypto; the site is static
        files with no server code, and its Content-Security-Policy lets the page talk only to its own origin (and to a
        key-set URL you ask it to fetch). Share links keep their state after the <code>#</code>, which browsers never
        send to a server.{' '}
        <Link href="/privacy/" className="underline underline-offset-2 hover:text-zinc-900 dark:hover:text-white">
          How to check this yourself
        </Link>
      </p>
    </footer>
  );
}
